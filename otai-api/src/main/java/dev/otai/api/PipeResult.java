package dev.otai.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The outcome of one pipe execution: exactly one of succeeded, skipped or failed. */
public sealed interface PipeResult {

    /** A human-readable message; the reason for skipped and failed results. */
    String message();

    /** Data produced by the pipe; empty unless succeeded. */
    default Map<String, Object> data() {
        return Map.of();
    }

    record Succeeded(Map<String, Object> data, String message) implements PipeResult {
        public Succeeded {
            data = unmodifiableCopy(data);
            message = Objects.requireNonNullElse(message, "");
        }
    }

    record Skipped(String message) implements PipeResult {
        public Skipped {
            message = Objects.requireNonNullElse(message, "");
        }
    }

    record Failed(String message, Throwable cause) implements PipeResult {
        public Failed {
            message = Objects.requireNonNullElse(message, "");
        }
    }

    static PipeResult success() {
        return new Succeeded(Map.of(), "");
    }

    static PipeResult success(Map<String, ?> data) {
        return new Succeeded(unmodifiableCopy(data), "");
    }

    static PipeResult success(String message, Map<String, ?> data) {
        return new Succeeded(unmodifiableCopy(data), message);
    }

    static PipeResult skipped(String reason) {
        return new Skipped(reason);
    }

    static PipeResult failed(String reason) {
        return new Failed(reason, null);
    }

    static PipeResult failed(String reason, Throwable cause) {
        return new Failed(reason, cause);
    }

    default boolean succeeded() {
        return this instanceof Succeeded;
    }

    default boolean skipped() {
        return this instanceof Skipped;
    }

    default boolean failed() {
        return this instanceof Failed;
    }

    /** The outcome as a lower-case word: {@code succeeded}, {@code skipped} or {@code failed}. */
    default String outcome() {
        return switch (this) {
            case Succeeded s -> "succeeded";
            case Skipped s -> "skipped";
            case Failed f -> "failed";
        };
    }

    /** A copy that keeps insertion order and allows null values, which {@link Map#copyOf} rejects. */
    private static Map<String, Object> unmodifiableCopy(Map<String, ?> data) {
        if (data == null || data.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
