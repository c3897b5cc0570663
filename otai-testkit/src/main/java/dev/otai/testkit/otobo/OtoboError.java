package dev.otai.testkit.otobo;

import java.util.Map;

/** A GenericInterface business error: answered as HTTP 200 with {@code {"Error":{ErrorCode, ErrorMessage}}}. */
final class OtoboError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final String code;

    OtoboError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    Map<String, Object> body() {
        return Map.of("Error", Map.of("ErrorCode", code, "ErrorMessage", getMessage()));
    }
}
