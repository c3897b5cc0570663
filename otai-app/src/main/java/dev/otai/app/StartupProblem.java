package dev.otai.app;

/**
 * Something in the process's surroundings (an environment variable, a plugin directory) that keeps a command from
 * starting. {@link Main} prints its message, which names the culprit, the value and the expectation, and exits 1.
 */
final class StartupProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StartupProblem(String message) {
        super(message);
    }
}
