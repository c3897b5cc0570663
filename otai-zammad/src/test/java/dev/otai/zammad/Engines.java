package dev.otai.zammad;

import dev.otai.api.retry.Sleeper;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.engine.Facilities;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.testkit.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Starts engines from test configs with a sleeper that does not wait. */
final class Engines {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(Engines.class.getClassLoader());
    private static final TemplateEngine TEMPLATES = new TemplateEngine();

    private Engines() {
    }

    static String resource(String path) {
        try (InputStream in = Engines.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Engine start(String yaml, Map<String, String> env) {
        ConfigCheck.Result check = ConfigCheck.text(yaml, "config.yml", env, REGISTRY, TEMPLATES);
        if (!check.valid()) {
            throw new AssertionError("config has problems: " + check.problems());
        }
        return Engine.start(check.blueprint().orElseThrow(), TEMPLATES, new FakeClock(), new Lifecycle(), EngineListener.NONE,
                Facilities.builder().add(Sleeper.class, Sleeper.NONE));
    }
}
