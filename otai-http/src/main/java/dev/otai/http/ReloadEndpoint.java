package dev.otai.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.core.config.HttpSettings;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /reload}: reloads the config file, as SIGHUP does, and answers how it went: 200 when applied, 422
 * with the errors when the new config is rejected, 503 when it could not be put in place. The same token rules as a
 * manual trigger: with {@code infrastructure.http.reload_token} set, a request must carry it ({@code X-Otai-Token}
 * or {@code Authorization: Bearer}); without one, only a server bound to loopback takes reloads over HTTP.
 */
final class ReloadEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSettings settings;
    private final ConfigControl config;
    ReloadEndpoint(HttpSettings settings, ConfigControl config) {
        this.settings = settings;
        this.config = config;
    }

    void handle(Context ctx) throws Exception {
        Optional<String> refusal = refusal(ctx);
        if (refusal.isPresent()) {
            ctx.status(settings.reloadToken() == null ? 403 : 401).contentType("application/json")
                    .result(JSON.writeValueAsString(Map.of("error", refusal.get())));
            return;
        }
        ConfigControl.Reload reload = config.reload("POST /reload");
        var body = new LinkedHashMap<String, Object>();
        body.put("outcome", reload.outcome());
        body.put("summary", reload.summary());
        body.put("errors", reload.errors());
        body.put("need_restart", reload.needRestart());
        int status = switch (reload.outcome()) {
            case "applied" -> 200;
            case "rejected" -> 422;
            default -> 503;
        };
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    /** Why the request may not reload; empty when it may. */
    private Optional<String> refusal(Context ctx) {
        String expected = settings.reloadToken();
        if (expected == null) {
            return settings.loopbackOnly() ? Optional.empty()
                    : Optional.of("reloads over HTTP need infrastructure.http.reload_token when the server is reachable "
                            + "from other hosts; set one, or send SIGHUP to the engine's process");
        }
        String given = ctx.header("X-Otai-Token");
        String authorization = ctx.header("Authorization");
        if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7);
        }
        if (given == null) {
            return Optional.of("missing token; give the reload token with --token or OTAI_TRIGGER_TOKEN "
                    + "(X-Otai-Token or Authorization: Bearer)");
        }
        boolean same = MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.empty() : Optional.of("wrong reload token");
    }
}
