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
import java.util.List;
import java.util.Map;

/**
 * Compiles data param values (constants, templates, mappings and lists of them) and checks them at load time:
 * literal values (also the literal parts of a mapping or list that holds templates) against their spec, down to
 * nested keys and items, and templates for syntax and for names that will not exist when they render. Each
 * problem points at the exact key or value at fault.
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
        if (Coercion.coerce(spec, Rendering.withTemplatesUnrendered(value)) instanceof Coercion.Outcome.Wrong wrong) {
            problems.error(locate(param.value(), wrong), path(param.path(), wrong.at()),
                    culprit + ": param '" + wrong.label(spec.name()) + "' " + wrong.problem());
        }
        if (value.isConstant()) {
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

    /** The YAML path of the key or value at {@code at} below {@code path}. */
    static String path(String path, List<Object> at) {
        String out = path;
        for (Object step : at) {
            out = step instanceof Integer index ? Paths.index(out, index) : Paths.child(out, step.toString());
        }
        return out;
    }

    /** Where the key or value at fault is in the file; as near to it as the tree goes. */
    private static Location locate(ConfigNode node, Coercion.Outcome.Wrong wrong) {
        ConfigNode current = node;
        List<Object> at = wrong.at();
        for (int i = 0; i < at.size(); i++) {
            Object step = at.get(i);
            if (current instanceof ConfigNode.MapNode map && map.entries().get(step.toString()) instanceof ConfigNode.Entry entry) {
                if (wrong.atKey() && i == at.size() - 1) {
                    return entry.keyLocation();
                }
                current = entry.value();
            } else if (current instanceof ConfigNode.ListNode list && step instanceof Integer index && index < list.items().size()) {
                current = list.items().get(index);
            } else {
                break;
            }
        }
        return current.location();
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
                    new ParamValue.Templated(templates.compile(s), scalar.location());
            case ConfigNode.ScalarNode scalar -> new ParamValue.Constant(scalar.value());
        };
    }

}
