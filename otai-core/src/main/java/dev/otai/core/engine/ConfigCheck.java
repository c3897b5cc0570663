package dev.otai.core.engine;

import dev.otai.core.assembly.Assembler;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.config.ConfigLoader;
import dev.otai.core.config.ConfigReader;
import dev.otai.core.config.EngineConfig;
import dev.otai.core.config.Problem;
import dev.otai.core.config.Problems;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads and checks a config completely: read, merge overrides, resolve types, check params, templates, injects
 * and trigger references. The result holds every problem found, and the blueprint when there were no errors.
 */
public final class ConfigCheck {

    private ConfigCheck() {
    }

    public record Result(Optional<Blueprint> blueprint, List<Problem> problems) {
        public boolean valid() {
            return blueprint.isPresent() && problems.stream().allMatch(Problem::warning);
        }

        public List<Problem> errors() {
            return problems.stream().filter(p -> !p.warning()).toList();
        }
    }

    public static Result file(Path file, Map<String, String> processEnv, PluginRegistry registry, TemplateEngine templates) {
        var problems = new Problems();
        Optional<ConfigLoader.Loaded> loaded = ConfigLoader.load(file, processEnv, problems);
        return check(loaded, problems, registry, templates);
    }

    public static Result text(String yaml, String source, Map<String, String> processEnv, PluginRegistry registry,
                              TemplateEngine templates) {
        var problems = new Problems();
        Optional<ConfigLoader.Loaded> loaded = ConfigLoader.read(yaml.getBytes(StandardCharsets.UTF_8),
                source, Map.of(), processEnv, problems);
        return check(loaded, problems, registry, templates);
    }

    private static Result check(Optional<ConfigLoader.Loaded> loaded, Problems problems, PluginRegistry registry,
                                TemplateEngine templates) {
        if (loaded.isEmpty()) {
            return new Result(Optional.empty(), problems.sorted());
        }
        EngineConfig config = ConfigReader.read(loaded.get(), problems);
        Blueprint blueprint = Assembler.plan(config, registry, templates.withLimits(config.templates()), problems);
        return new Result(problems.hasErrors() ? Optional.empty() : Optional.of(blueprint), problems.sorted());
    }
}
