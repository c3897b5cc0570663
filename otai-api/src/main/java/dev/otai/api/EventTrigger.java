package dev.otai.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The role of triggers fed by HTTP (webhooks, manual triggers): given a request for their id, they check it
 * and turn it into the event that runners see as {@code event}. The HTTP server never interprets payloads.
 */
public interface EventTrigger {

    /**
     * The param by which a trigger type that takes HTTP requests says it may go without credentials. Load-time
     * validation refuses such a trigger without a secret or token when the HTTP server is reachable from other
     * hosts, unless this param is {@code true}; a trigger type declares the param (usually with its own
     * description) to be checked this way.
     */
    Param<Boolean> ALLOW_UNAUTHENTICATED = Param.bool("allow_unauthenticated").defaultsTo(false);

    Verdict accept(Request request, Params params);

    /**
     * @param body    the raw body
     * @param headers header names in lower case, with their values
     */
    record Request(byte[] body, Map<String, List<String>> headers) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    sealed interface Verdict {
    }

    /**
     * Accepted: deliver {@code event}, then tell {@code receipt} whether it was queued, so that a delivery id is
     * remembered only for an event that will run.
     */
    record Accepted(Map<String, Object> event, Receipt receipt) implements Verdict {
    }

    /** A delivery already queued once: acknowledged, not delivered again. */
    record Duplicate(String delivery) implements Verdict {
    }

    /** Not taken now, nothing lost: the sender should retry after {@code retryAfter} (HTTP 503). */
    record Busy(String reason, Duration retryAfter) implements Verdict {
    }

    /** Rejected with an HTTP status (400, 401…) and a reason that is safe to show the caller. */
    record Rejected(int status, String reason) implements Verdict {
    }

    /** Hears whether an accepted event was queued for its runners or refused (queue full, engine stopping). */
    interface Receipt {

        Receipt NONE = new Receipt() {
            @Override
            public void queued() {
            }

            @Override
            public void refused() {
            }
        };

        void queued();

        void refused();
    }
}
