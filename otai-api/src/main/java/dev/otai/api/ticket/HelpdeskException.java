package dev.otai.api.ticket;

import java.time.Duration;
import java.util.Optional;

/**
 * A helpdesk call that did not work. The message names the helpdesk, the operation, the HTTP status and the
 * helpdesk's own error code; it never contains credentials.
 */
public final class HelpdeskException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the call failed, which decides whether trying again can help. */
    public enum Kind {
        /** No answer: connection refused or dropped, timeout. Retryable. */
        CONNECTION,
        /** The helpdesk is overloaded or broken for now (5xx, 429). Retryable. */
        UNAVAILABLE,
        /** The helpdesk rejected the request (other 4xx, business error). Not retryable. */
        REJECTED,
        /** Credentials were refused. Not retryable. */
        AUTHENTICATION,
        /** The answer could not be understood (malformed JSON, unexpected shape). Retryable. */
        BAD_RESPONSE
    }

    private final String helpdesk;
    private final String operation;
    private final int status;
    private final String errorCode;
    private final Kind kind;
    private final transient Duration retryAfter;

    public HelpdeskException(String helpdesk, String operation, int status, String errorCode, Kind kind, String detail,
                             Duration retryAfter, Throwable cause) {
        super(message(helpdesk, operation, status, errorCode, detail), cause);
        this.helpdesk = helpdesk;
        this.operation = operation;
        this.status = status;
        this.errorCode = errorCode;
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public HelpdeskException(String helpdesk, String operation, int status, String errorCode, Kind kind, String detail) {
        this(helpdesk, operation, status, errorCode, kind, detail, null, null);
    }

    private static String message(String helpdesk, String operation, int status, String errorCode, String detail) {
        var text = new StringBuilder(helpdesk).append(' ').append(operation).append(" failed");
        text.append(status > 0 ? " (HTTP " + status : " (no HTTP response");
        if (errorCode != null && !errorCode.isBlank()) {
            text.append(", error code ").append(errorCode);
        }
        text.append(')');
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    public String helpdesk() {
        return helpdesk;
    }

    public String operation() {
        return operation;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.CONNECTION || kind == Kind.UNAVAILABLE || kind == Kind.BAD_RESPONSE;
    }

    /** What the helpdesk asked to wait before the next try ({@code Retry-After}), if anything. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
