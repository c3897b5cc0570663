package dev.otai.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Error messages for failed calls: who failed, what came back, what was expected, what to check. No secrets. */
final class Errors {

    private static final int MAX_BODY = 300;

    private Errors() {
    }

    static String prefix(LlmSettings settings, ApiKey key) {
        return key.redact("LLM service '" + settings.serviceId() + "' (model '" + settings.model() + "' at "
                + settings.endpoint() + ")");
    }

    static String describe(LlmSettings settings, ApiKey key, ChatTransport.Outcome outcome, int attempts) {
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        String detail = switch (outcome) {
            case ChatTransport.Outcome.Answered a -> "HTTP " + a.response().statusCode() + tries + ": "
                    + serverMessage(a.response()) + "; expected a 2xx answer; " + advice(a.response());
            case ChatTransport.Outcome.TimedOut t -> "no answer within " + settings.timeout() + " (timeout)" + tries
                    + "; expected an answer in time; raise timeout or check the server's load";
            case ChatTransport.Outcome.Unreachable u -> "could not reach the server" + tries + ": " + u.exception()
                    + "; check base_url and that the server is running";
        };
        return key.redact(prefix(settings, key) + ": " + detail);
    }

    /** One short phrase for retry log lines. */
    static String brief(ChatTransport.Outcome outcome) {
        return switch (outcome) {
            case ChatTransport.Outcome.Answered a -> "got HTTP " + a.response().statusCode();
            case ChatTransport.Outcome.TimedOut t -> "timed out";
            case ChatTransport.Outcome.Unreachable u -> "failed: " + u.exception();
        };
    }

    private static String advice(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 3) {
            return "the server redirects to " + response.headers().firstValue("Location").orElse("(no Location)")
                    + "; set base_url to the final address (redirects are not followed, to keep the key)";
        }
        return switch (status) {
            case 401, 403 -> "check api_key and auth_header (Authorization for OpenAI, api-key for Azure)";
            case 404 -> "check base_url, model (the deployment name on Azure) and api_version";
            case 400, 422 -> "check model and prompt; for servers that reject them set response_format: none or "
                    + "logprobs: false";
            case 408, 429 -> "the server is rate limiting or busy; raise max_retries or lower the load";
            default -> status >= 500 ? "the server failed; it may recover, raise max_retries" : "see the server's message";
        };
    }

    /** The server's {@code error.message}, or the start of its body. */
    static String serverMessage(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        try {
            JsonNode message = Json.MAPPER.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return quote(message.asText());
            }
        } catch (JsonProcessingException e) {
            // not JSON: show the text itself
        }
        return body.isEmpty() ? "(empty body)" : quote(body);
    }

    static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return "\"" + (oneLine.length() > MAX_BODY ? oneLine.substring(0, MAX_BODY) + "…" : oneLine) + "\"";
    }
}
