package dev.otai.core.config;

/**
 * One thing wrong (or suspicious) in a config, printed as {@code file:line:col: path: message}.
 *
 * @param location where in the file
 * @param path     the YAML path below the root key, for example {@code orchestrator.params.steps[1].use}
 * @param message  names the culprit, the value, what was expected
 * @param warning  true for problems that do not stop the config from running
 */
public record Problem(Location location, String path, String message, boolean warning) {

    public static Problem error(Location location, String path, String message) {
        return new Problem(location, path, message, false);
    }

    public static Problem warning(Location location, String path, String message) {
        return new Problem(location, path, message, true);
    }

    @Override
    public String toString() {
        String where = path.isEmpty() ? "" : path + ": ";
        return location + ": " + where + (warning ? "warning: " : "") + message;
    }
}
