package dev.otai.core.registry;

import dev.otai.api.Plugin;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A plugin and where it came from: a jar of the plugin path, or (no jar) the application's own class path. */
public record PluginSource(Plugin plugin, Optional<Path> jar) {

    public PluginSource {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(jar, "jar");
    }

    static PluginSource builtIn(Plugin plugin) {
        return new PluginSource(plugin, Optional.empty());
    }

    /** {@code built in} or the jar's path, as {@code otai plugins} and error messages show it. */
    public String origin() {
        return jar.map(Path::toString).orElse("built in");
    }
}
