package dev.otai.console.signin;

import java.time.Instant;

/**
 * A signed-in browser. {@code csrf} goes into every form the console writes and must come back with every action.
 */
public record Session(String csrf, Instant expires) {

    @Override
    public String toString() {
        return "Session[expires=" + expires + "]";
    }
}
