package dev.otai.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.http.HttpResponse;

/** Prints (through the terminal-safe writers of the command) the engine's answer to {@code POST /reload} for {@code otai trigger --reload}; returns the exit code. */
final class ReloadAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReloadAnswer() {
    }

    static int print(HttpResponse<String> response, PrintWriter out, PrintWriter err) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.has("outcome")) {
            String error = body != null && body.has("error") ? body.get("error").asText() : response.body();
            err.println("not reloaded: " + response.statusCode() + " " + error
                    + (response.statusCode() == 401 ? "; give the reload token with --token or OTAI_TRIGGER_TOKEN" : ""));
            err.flush();
            return 1;
        }
        boolean applied = body.get("outcome").asText().equals("applied");
        PrintWriter to = applied ? out : err;
        to.println(body.path("summary").asText());
        body.path("errors").forEach(error -> to.println("  " + error.asText()));
        body.path("need_restart").forEach(section -> to.println("  " + section.asText()
                + " changed: it applies only after a restart"));
        to.flush();
        return applied ? 0 : 1;
    }
}
