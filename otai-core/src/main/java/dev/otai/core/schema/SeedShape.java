package dev.otai.core.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otai.core.registry.PluginRegistry;

/**
 * The seed page's orchestrator, {@code {runners: [{id, on, run}]}}: runners without {@code use} are runner pipes,
 * and the orchestrator's other keys are the orchestrator's params.
 */
final class SeedShape {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ORCHESTRATOR = "base:SimpleSequentialOrchestrator";

    private SeedShape() {
    }

    static ObjectNode orchestrator(PluginRegistry registry, ObjectNode runnerType) {
        ObjectNode runner = JSON.objectNode().put("type", "object")
                .<ObjectNode>set("if", JSON.objectNode().set("required", JSON.arrayNode().add("use")))
                .<ObjectNode>set("then", ParamSchema.ref(ParamSchema.PIPE))
                .set("else", runnerType);
        ObjectNode properties = JSON.objectNode();
        registry.pipe(ORCHESTRATOR).type().ifPresent(type -> type.params().stream()
                .filter(spec -> !spec.name().equals("steps"))
                .forEach(spec -> properties.set(spec.name(), ParamSchema.of(spec))));
        properties.set("id", ConfigSchema.id());
        properties.set("runners", JSON.objectNode().put("type", "array")
                .put("description", "runners: {id, on: [triggers], run: pipe}").set("items", runner));
        return JSON.objectNode().put("type", "object").put("description", "the seed page's orchestrator shape")
                .<ObjectNode>set("required", JSON.arrayNode().add("runners"))
                .set("properties", properties);
    }
}
