package dev.otai.bench;

import dev.otai.core.assembly.Blueprint;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OTAI demo pipeline shape ({@code bench/demo-pipeline.yml}) with a chosen trigger, log level and optional
 * extra steps, loaded and validated exactly as {@code otai run} does.
 */
final class DemoConfig {

    static final String TICKET_SYSTEM = "otobo_znuny";
    static final Map<String, String> ENV = Map.of("OTAI_DEMO_PASSWORD", "1234");
    static final PluginRegistry REGISTRY = PluginRegistry.discover(DemoConfig.class.getClassLoader());
    static final TemplateEngine TEMPLATES = new TemplateEngine();

    private DemoConfig() {
    }

    /** The YAML text: {@code trigger} is a flow-style YAML mapping for the runner's {@code on}. */
    static String yaml(String trigger, String level, String extraSteps) {
        return resource("bench/demo-pipeline.yml")
                .replace("__TRIGGER__", trigger)
                .replace("__LEVEL__", level)
                .replace("__EXTRA_STEPS__", extraSteps.lines()
                        .map(line -> " ".repeat(18) + line).collect(Collectors.joining("\n")));
    }

    static Blueprint blueprint(String yaml) {
        ConfigCheck.Result result = ConfigCheck.text(yaml, "demo-pipeline.yml", ENV, REGISTRY, TEMPLATES);
        if (!result.valid()) {
            throw new IllegalStateException("the benchmark config is not valid:\n" + String.join("\n",
                    result.problems().stream().map(Object::toString).toList()));
        }
        return result.blueprint().orElseThrow();
    }

    static String resource(String path) {
        try (InputStream in = DemoConfig.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
