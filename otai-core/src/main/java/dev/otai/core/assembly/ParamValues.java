package dev.otai.core.assembly;

import dev.otai.api.ParamSpec;
import dev.otai.core.config.ConfigNode;
import dev.otai.core.config.Location;
import dev.otai.core.config.Paths;
import dev.otai.core.config.PipeConfig;
import dev.otai.core.config.Problems;
import dev.otai.core.template.TemplateEngine;
import dev.otai.core.template.ValidationScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles data param values (constants, templates, mappings and lists of them) and checks them at load time:
 * constants against their spec, templates for syntax and for names that will not exist when they render.
 */
final class ParamValues {

    private final TemplateEngine templates;
    private final Problems problems;
    private final Map<String, String> environment;

    ParamValues(TemplateEngine templates, Problems problems, Map<String, String> environment) {
        this.templates = templates;
        this.problems = problems;
        this.environment = environment;
    }

    ParamValue data(String culprit, ParamSpec spec, PipeConfig.ConfigParam param, PlanScope scope) {
        ParamValue value = compile(param.value());
        if (value.isConstant()) {
            Object plain = Rendering.plain(value);
            if (Coercion.coerce(spec, plain) instanceof Coercion.Outcome.Wrong wrong) {
                problems.error(param.value(), param.path(), culprit + ": param '" + spec.name() + "' " + wrong.problem());
            }
            return value;
        }
        checkTemplates(culprit, spec, value, param.value(), param.path(), scope);
        return value;
    }

    /** Checks every template in the value, each reported at its own place in {@code node}, the value's YAML tree. */
    private void checkTemplates(String culprit, ParamSpec spec, ParamValue value, ConfigNode node, String path, PlanScope scope) {
        Location location = node.location();
        switch (value) {
            case ParamValue.Templated t -> {
                var validation = new ValidationScope(scope.visibleIds(), null,
                        scope.valueNames(), environment);
                for (String problem : templates.check(t.template(), validation)) {
                    problems.error(location, path, culprit + ": param '" + spec.name() + "': " + problem);
                }
            }
            case ParamValue.Mapping m -> m.entries().forEach((k, v) -> checkTemplates(culprit, spec, v,
                    node instanceof ConfigNode.MapNode map ? map.get(k).orElse(node) : node, Paths.child(path, k), scope));
            case ParamValue.Sequence s -> {
                for (int i = 0; i < s.items().size(); i++) {
                    ConfigNode item = node instanceof ConfigNode.ListNode list && i < list.items().size() ? list.items().get(i) : node;
                    checkTemplates(culprit, spec, s.items().get(i), item, Paths.index(path, i), scope);
                }
            }
            default -> {
            }
        }
    }

    private ParamValue compile(ConfigNode node) {
        return switch (node) {
            case ConfigNode.MapNode map -> {
                var entries = new LinkedHashMap<String, ParamValue>();
                map.entries().forEach((key, entry) -> entries.put(key, compile(entry.value())));
                yield new ParamValue.Mapping(entries);
            }
            case ConfigNode.ListNode list -> new ParamValue.Sequence(list.items().stream().map(this::compile).toList());
            case ConfigNode.ScalarNode scalar when scalar.value() instanceof String s && TemplateEngine.isTemplate(s) ->
                    new ParamValue.Templated(templates.compile(s));
            case ConfigNode.ScalarNode scalar -> new ParamValue.Constant(scalar.value());
        };
    }

}
