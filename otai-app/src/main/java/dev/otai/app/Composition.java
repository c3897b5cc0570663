package dev.otai.app;

import dev.otai.app.redaction.ProcessRedaction;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.ConfigLoader;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.config.Problem;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import java.io.PrintWriter;
import dev.otai.store.Store;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * The composition root: the one place that wires registry, templates, redaction, config and engine together. Its
 * {@link Redactor} is handed to the engine (which teaches it every secret) and installed as the process's, so
 * the same secrets are cut from log lines, run history and command output.
 */
final class Composition {

    final Map<String, String> environment;
    final PluginRegistry registry;
    final TemplateEngine templates;
    final Redactor redactor;

    Composition(Map<String, String> environment) {
        this.environment = environment;
        this.registry = PluginRegistry.discover(Composition.class.getClassLoader(),
                PluginPath.fromSystem(environment).directories());
        this.templates = new TemplateEngine();
        this.redactor = new Redactor();
        ProcessRedaction.install(redactor);
    }

    /**
     * Opens the store {@code settings} name: the PostgreSQL database of clustered mode, whose password becomes a secret
     * of the redactor first (a driver's message or a log line never shows it), or else the embedded store in the data
     * directory.
     */
    Store openStore(StorageSettings settings) {
        return settings.server().map(server -> {
            redactor.registerAll(server.secrets());
            return Store.openServer(server, InstantSource.system());
        }).orElseGet(() -> Store.openEmbedded(settings.dataDirectory(), InstantSource.system()));
    }

    /** The facilities every engine of this process gets: its redactor, so the engine teaches it the secrets. */
    Facilities.Builder facilities() {
        return Facilities.builder().add(Redactor.class, redactor);
    }

    static Composition fromSystem() {
        return new Composition(System.getenv());
    }

    Path configFile(ConfigOption option) {
        return ConfigLoader.locate(option.path(), environment, Path.of("").toAbsolutePath());
    }

    ConfigCheck.Result check(Path file) {
        return ConfigCheck.file(file, environment, registry, templates);
    }

    /** Prints every problem as {@code file:line:col: path: message}. */
    static void print(ConfigCheck.Result result, PrintWriter out) {
        for (Problem problem : result.problems()) {
            out.println(problem);
        }
        out.flush();
    }
}
