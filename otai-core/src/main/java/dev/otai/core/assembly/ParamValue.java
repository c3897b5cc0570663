package dev.otai.core.assembly;

import dev.otai.api.PipeNode;
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

    record Templated(Template template) implements ParamValue {
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
