package dev.otai.otobo;

import dev.otai.api.ticket.HelpdeskException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts credentials into every request body: {@code UserLogin} + {@code Password}, or a {@code SessionID} from
 * SessionCreate, created on first use and once more when the helpdesk stops accepting it.
 */
final class OtoboAuth {

    private final OtoboSettings settings;
    private final OtoboHttp http;
    private volatile String session;

    OtoboAuth(OtoboSettings settings, OtoboHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** A request body starting with the credentials, followed by {@code data}. */
    Map<String, Object> body(Map<String, Object> data) throws HelpdeskException, InterruptedException {
        var body = new LinkedHashMap<String, Object>();
        if (settings.useSession()) {
            body.put("SessionID", session());
        } else {
            body.put("UserLogin", settings.username());
            body.put("Password", settings.password());
        }
        body.putAll(data);
        return body;
    }

    /** Calls the operation; with sessions, an authentication failure renews the session once. */
    Map<String, Object> call(String operation, Map<String, Object> data) throws HelpdeskException, InterruptedException {
        try {
            return http.call(operation, body(data));
        } catch (HelpdeskException e) {
            if (!settings.useSession() || e.kind() != HelpdeskException.Kind.AUTHENTICATION) {
                throw e;
            }
            session = null;
            return http.call(operation, body(data));
        }
    }

    private synchronized String session() throws HelpdeskException, InterruptedException {
        if (session == null) {
            var login = new LinkedHashMap<String, Object>();
            login.put("UserLogin", settings.username());
            login.put("Password", settings.password());
            session = String.valueOf(http.call("SessionCreate", login).get("SessionID"));
        }
        return session;
    }
}
