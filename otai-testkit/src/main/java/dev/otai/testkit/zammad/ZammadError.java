package dev.otai.testkit.zammad;

import java.util.Map;

/** A Zammad error answer: {@code {"error":…,"error_human":…}} with a status. */
final class ZammadError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;

    ZammadError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    Map<String, Object> body() {
        return Map.of("error", getMessage(), "error_human", getMessage());
    }
}
