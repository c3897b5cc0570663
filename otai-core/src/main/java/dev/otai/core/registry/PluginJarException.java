package dev.otai.core.registry;

import java.nio.file.Path;

/**
 * A plugin jar that cannot be used: not a jar, a plugin class missing or failing to start, or a plugin whose name
 * another plugin already registered. The message names the jar, the culprit and what was expected; the engine does
 * not start with such a jar in its plugin path.
 */
public final class PluginJarException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path jar;

    PluginJarException(Path jar, String problem, Throwable cause) {
        super("plugin jar " + jar + ": " + problem, cause);
        this.jar = jar;
    }

    PluginJarException(Path jar, String problem) {
        this(jar, problem, null);
    }

    public Path jar() {
        return jar;
    }
}
