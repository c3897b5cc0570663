package dev.otai.api;

/**
 * A problem with the user's config found while it is used, for example a template that renders to a value of
 * the wrong kind. Its message names the culprit, the value, the expectation and the place.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
