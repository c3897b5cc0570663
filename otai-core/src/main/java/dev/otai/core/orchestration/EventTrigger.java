package dev.otai.core.orchestration;

import dev.otai.api.Params;
import java.util.List;
import java.util.Map;

/**
 * The role of triggers fed by HTTP (webhooks, manual triggers): given a request for their id, they check it
 * and turn it into the event that runners see as {@code event}. The HTTP server never interprets payloads.
 */
public interface EventTrigger {

    Verdict accept(Request request, Params params);

    /**
     * @param body    the raw body
     * @param headers header names in lower case, with their values
     */
    record Request(byte[] body, Map<String, List<String>> headers) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    sealed interface Verdict {
    }

    /** Accepted: deliver {@code event}; a {@code duplicate} is acknowledged but not delivered again. */
    record Accepted(Map<String, Object> event, boolean duplicate) implements Verdict {
    }

    /** Rejected with an HTTP status (400, 401…) and a reason that is safe to show the caller. */
    record Rejected(int status, String reason) implements Verdict {
    }
}
