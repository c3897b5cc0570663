package dev.otai.core.engine;

import dev.otai.core.config.EngineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a config that a reload cannot apply to the running engine: the store's location and limits, the
 * HTTP server, logging, template limits and required plugins. They are set when the engine starts; a reload that
 * changes them names them, and the engine keeps the values it started with until it is restarted.
 */
final class RestartNeeded {

    private RestartNeeded() {
    }

    /** The config paths of the sections that differ between {@code before} and {@code after}, in a fixed order. */
    static List<String> between(EngineConfig before, EngineConfig after) {
        var differ = new ArrayList<String>();
        check(differ, "infrastructure.storage", before.storage(), after.storage());
        check(differ, "infrastructure.http", before.http(), after.http());
        check(differ, "infrastructure.logging", before.logging(), after.logging());
        check(differ, "infrastructure.templates", before.templates(), after.templates());
        check(differ, "plugins", requirements(before), requirements(after));
        return differ;
    }

    private static List<String> requirements(EngineConfig config) {
        return config.plugins().stream().map(p -> p.name() + " " + p.version()).sorted().toList();
    }

    private static void check(List<String> differ, String path, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            differ.add(path);
        }
    }
}
