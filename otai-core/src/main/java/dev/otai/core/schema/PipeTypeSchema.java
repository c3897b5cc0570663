package dev.otai.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otai.api.ParamSpec;
import dev.otai.api.PipeType;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pipe type allows on a pipe that names it: its params under {@code params} or written on the pipe itself
 * (as the seed page writes {@code steps}), required params in either place, and its inject slots.
 */
final class PipeTypeSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** YAML 1.1 reads a bare {@code on} key as {@code true}; the engine reads it as {@code on}. */
    private static final String ON_AS_READ_BY_YAML_1_1 = "true";

    private PipeTypeSchema() {
    }

    static ObjectNode of(PipeType type) {
        boolean extra = type.acceptsExtraParams();
        ObjectNode properties = JSON.objectNode();
        properties.set("params", ConfigSchema.params(type.params(), extra, false));
        properties.set("injects", ConfigSchema.injects(type.injects()));
        List<String> keys = new ArrayList<>(List.of("id", "use", "params", "injects"));
        for (ParamSpec spec : type.params()) {
            for (String name : names(spec)) {
                properties.set(name, ParamSchema.of(spec));
                keys.add(name);
            }
        }
        ObjectNode node = JSON.objectNode().put("description", type.description()).set("properties", properties);
        if (!extra) {
            node.set("propertyNames", ConfigSchema.enumOf(keys));
        }
        ArrayNode required = JSON.arrayNode();
        type.params().stream().filter(ParamSpec::required).forEach(spec -> required.add(present(spec, true)));
        if (!required.isEmpty()) {
            node.set("allOf", required);
        }
        return node;
    }

    /** The param's name, its aliases, and {@code true} for {@code on}. */
    private static List<String> names(ParamSpec spec) {
        var names = new ArrayList<String>();
        names.add(spec.name());
        names.addAll(spec.aliases());
        if (spec.name().equals("on")) {
            names.add(ON_AS_READ_BY_YAML_1_1);
        }
        return names;
    }

    /** Holds when the param is given under any of its names, under {@code params} or (when {@code onPipe}) on the pipe. */
    static ObjectNode present(ParamSpec spec, boolean onPipe) {
        ArrayNode any = JSON.arrayNode();
        for (String name : names(spec)) {
            ObjectNode inParams = JSON.objectNode().set("required", JSON.arrayNode().add(name));
            if (onPipe) {
                any.add(JSON.objectNode().set("required", JSON.arrayNode().add(name)));
                any.add(JSON.objectNode().<ObjectNode>set("required", JSON.arrayNode().add("params"))
                        .set("properties", JSON.objectNode().set("params", inParams)));
            } else {
                any.add(inParams);
            }
        }
        return JSON.objectNode().set("anyOf", any);
    }
}
