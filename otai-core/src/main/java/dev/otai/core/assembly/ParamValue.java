package dev.otai.core.assembly;

import dev.otai.api.PipeNode;
import dev.otai.core.config.Location;
import dev.otai.core.template.Template;
import java.util.List;
import java.util.Map;

/**
 * A param value compiled at load time: constants, templates, and mappings and lists of them, plus nested
 * pipes. Plan variants hold nested pipes before they exist; the runtime variants hold the built nodes.
 */
sealed interface ParamValue {

    /** A literal YAML value without templates (kept as the YAML had it). */
    record Constant(Object value) implements ParamValue {
    }

    /** A template, with its place in the file, where errors about its rendered value point. */
    record Templated(Template template, Location location) implements ParamValue {
    }

    record Mapping(Map<String, ParamValue> entries) implements ParamValue {
    }

    record Sequence(List<ParamValue> items) implements ParamValue {
    }

    /** Nested pipes while planning: plans, and ids of shared triggers defined elsewhere. */
    record PlannedPipes(List<NodePlan> plans, List<String> references, boolean single) implements ParamValue {
    }

    /** Nested pipes at run time. */
    record Pipes(List<PipeNode> nodes, boolean single) implements ParamValue {
    }

    /**
     * Where the part of this value at {@code at} (keys and indexes) came from: the innermost template on the way
     * there, since a rendered value is known only by its template; {@code fallback} when no template is on the way.
     */
    default Location templateAt(List<Object> at, Location fallback) {
        ParamValue current = this;
        Location found = fallback;
        for (int i = 0; ; i++) {
            if (current instanceof Templated t) {
                found = t.location();
            }
            if (i == at.size()) {
                return found;
            }
            Object step = at.get(i);
            ParamValue next = switch (current) {
                case Mapping m when step instanceof String key -> m.entries().get(key);
                case Sequence s when step instanceof Integer index && index < s.items().size() -> s.items().get(index);
                default -> null;
            };
            if (next == null) {
                return found;
            }
            current = next;
        }
    }

    /** True when the value contains no template, so it can be converted once at load time. */
    default boolean isConstant() {
        return switch (this) {
            case Constant c -> true;
            case Templated t -> false;
            case Mapping m -> m.entries().values().stream().allMatch(ParamValue::isConstant);
            case Sequence s -> s.items().stream().allMatch(ParamValue::isConstant);
            case PlannedPipes p -> true;
            case Pipes p -> true;
        };
    }
}
