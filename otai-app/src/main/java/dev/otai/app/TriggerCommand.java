package dev.otai.app;

import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.ConfigCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code otai trigger <id>}: fires a manual (or webhook) trigger of the running engine; {@code otai trigger --reload}
 * makes it reload its config file.
 */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Fire a manual trigger of the running engine (POST /hooks/<id> on its HTTP server), "
                + "or make it reload its config file (--reload, POST /reload).")
final class TriggerCommand implements Callable<Integer> {

    /** A reload may create services (load a model) before it answers. */
    private static final Duration RELOAD_TIMEOUT = Duration.ofMinutes(3);

    @Parameters(paramLabel = "TRIGGER_ID", arity = "0..1", description = "the trigger's id")
    String triggerId;

    @Option(names = "--reload", description = "reload the running engine's config file instead of firing a trigger; "
            + "the token is infrastructure.http.reload_token (not needed when the engine listens on loopback only)")
    boolean reload;

    @Option(names = "--data", paramLabel = "JSON", description = "the event body (default {})")
    String data = "{}";

    @Option(names = "--url", paramLabel = "URL",
            description = "the engine's HTTP server (default: infrastructure.http of the config, else http://127.0.0.1:8080)")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:OTAI_TRIGGER_TOKEN}",
            description = "the trigger's token or secret (default: the OTAI_TRIGGER_TOKEN environment variable, "
                    + "which, unlike this option, other users cannot see in the process list)")
    String token;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = TerminalText.out(spec);
        PrintWriter err = TerminalText.err(spec);
        if (reload == (triggerId != null)) {
            err.println(reload ? "give either a TRIGGER_ID or --reload, not both" : "give the TRIGGER_ID to fire, or --reload");
            err.flush();
            return 2;
        }
        String base = url != null ? url : fromConfig();
        URI target = URI.create(base.replaceAll("/+$", "") + (reload ? "/reload" : "/hooks/" + triggerId));
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(reload ? RELOAD_TIMEOUT : Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(data));
            if (token != null && !token.isEmpty()) {
                request.header("X-Otai-Token", token);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (reload) {
                return ReloadAnswer.print(response, out, err);
            }
            boolean ok = response.statusCode() / 100 == 2;
            (ok ? out : err).println((ok ? "triggered '" : "not triggered '") + triggerId + "': " + response.statusCode()
                    + " " + response.body() + hint(response));
            (ok ? out : err).flush();
            return ok ? 0 : 1;
        } catch (ConnectException e) {
            err.println("no engine is listening on " + base + (reload
                    ? "; an engine without an HTTP server reloads on SIGHUP (kill -HUP <pid>, or systemctl reload)"
                    : "; is 'otai run' running with a manual or webhook trigger?"));
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("cannot reach " + target + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static String hint(HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 401 -> "; give the trigger's token with --token or OTAI_TRIGGER_TOKEN";
            case 503 -> response.headers().firstValue("Retry-After").map(s -> "; try again in " + s + " s").orElse("");
            default -> "";
        };
    }

    private String fromConfig() {
        Composition composition = Composition.fromSystem();
        ConfigCheck.Result result = composition.check(composition.configFile(config));
        HttpSettings http = result.blueprint().map(b -> b.config().http()).orElse(HttpSettings.defaults());
        int port = http.port() == null ? HttpSettings.DEFAULT_PORT : http.port();
        String host = http.host().equals("0.0.0.0") || http.host().equals("::") ? "127.0.0.1" : http.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
