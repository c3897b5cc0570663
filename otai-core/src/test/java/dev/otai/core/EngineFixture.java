package dev.otai.core;

import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
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

/** Loads configs from test resources or text and starts engines on a fake clock. */
public final class EngineFixture {

    public static final PluginRegistry REGISTRY = PluginRegistry.discover(EngineFixture.class.getClassLoader());
    public static final TemplateEngine TEMPLATES = new TemplateEngine();

    private EngineFixture() {
    }

    public static String resource(String path) {
        try (InputStream in = EngineFixture.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConfigCheck.Result check(String yaml, Map<String, String> env) {
        return ConfigCheck.text(yaml, "config.yml", env, REGISTRY, TEMPLATES);
    }

    public static Blueprint valid(String yaml, Map<String, String> env) {
        ConfigCheck.Result result = check(yaml, env);
        if (!result.valid()) {
            throw new AssertionError("config has problems:\n" + String.join("\n",
                    result.problems().stream().map(Object::toString).toList()));
        }
        return result.blueprint().orElseThrow();
    }

    public static Engine start(String yaml, Map<String, String> env, FakeClock clock) {
        return Engine.start(valid(yaml, env), TEMPLATES, clock, new Lifecycle(), EngineListener.NONE);
    }

    /** Starts on a fake clock with extra facilities (for example a sleeper that does not wait). */
    public static Engine start(String yaml, Map<String, String> env, Facilities.Builder facilities) {
        return Engine.start(valid(yaml, env), TEMPLATES, new FakeClock(), new Lifecycle(), EngineListener.NONE, facilities);
    }

    public static Engine start(String yaml, FakeClock clock, EngineListener listener, Probes probes) {
        return Engine.start(valid(yaml, Map.of()), TEMPLATES, clock, new Lifecycle(), listener,
                Facilities.builder().add(Probes.class, probes));
    }
}
