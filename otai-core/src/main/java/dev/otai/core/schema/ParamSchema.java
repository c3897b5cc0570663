package dev.otai.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otai.api.ParamKind;
import dev.otai.api.ParamSpec;
import java.time.Duration;

/**
 * The schema of one param's value, from its {@link ParamSpec}: the kind's JSON type (with what the engine converts,
 * such as a number written as text where a number is expected), the default, the description, bounds and allowed
 * values, and a template wherever the value is data (a string with {@code {{ }}}, {@code {% %}} or {@code {# #}}
 * renders when the pipe runs), and null for a param that is not required. This is the one place a spec becomes a schema node: declared nested keys become
 * {@code properties} (closed unless the spec allows other keys), list and map entries {@code items} and
 * {@code additionalProperties}, choices an {@code enum}, alternative shapes an {@code anyOf}.
 */
final class ParamSchema {

    static final String TEMPLATE = "#/definitions/template";
    static final String PIPE = "#/definitions/pipe";
    static final String TRIGGER = "#/definitions/trigger";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INTEGER_TEXT = "^\\s*[-+]?\\d+\\s*$";
    private static final String NUMBER_TEXT = "^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*$";
    private static final String BOOLEAN_TEXT = "^\\s*([tT][rR][uU][eE]|[fF][aA][lL][sS][eE]|[yY][eE][sS]|[nN][oO]|[oO][nN]|[oO][fF][fF]|0|1)\\s*$";

    private ParamSchema() {
    }

    static ObjectNode of(ParamSpec spec) {
        ArrayNode alternatives = JSON.arrayNode().add(value(spec));
        if (!spec.kind().holdsPipes()) {
            alternatives.add(ref(TEMPLATE));
        }
        if (!spec.required()) {
            alternatives.add(types("null"));
        }
        ObjectNode node = JSON.objectNode().set("anyOf", alternatives);
        String description = spec.description();
        if (!spec.constraintText().isEmpty()) {
            description = (description.isEmpty() ? "" : description + "; ") + "expected " + spec.constraintText();
        }
        if (!description.isEmpty()) {
            node.put("description", description);
        }
        if (spec.defaultValue() != null) {
            node.set("default", defaultValue(spec.defaultValue()));
        }
        return node;
    }

    private static ObjectNode value(ParamSpec spec) {
        if (!spec.alternatives().isEmpty()) {
            ArrayNode shapes = JSON.arrayNode();
            spec.alternatives().forEach(shape -> shapes.add(value(shape)));
            return JSON.objectNode().set("anyOf", shapes);
        }
        ObjectNode node = switch (spec.kind()) {
            case STRING -> types("string", "number", "boolean");
            case INTEGER -> textOr("integer", INTEGER_TEXT);
            case NUMBER -> textOr("number", NUMBER_TEXT);
            case BOOLEAN -> textOr("boolean", BOOLEAN_TEXT);
            case DURATION -> types("string", "number");
            case MAP -> types("object");
            case LIST -> types("array");
            case ANY -> JSON.objectNode();
            case PIPE -> ref(PIPE);
            case PIPES -> types("array").set("items", ref(PIPE));
            case TRIGGERS -> JSON.objectNode().set("anyOf", JSON.arrayNode().add(ref(TRIGGER))
                    .add(types("array").set("items", ref(TRIGGER))));
        };
        Constraints.apply(spec, node);
        if (!spec.choices().isEmpty()) {
            ArrayNode choices = node.putArray("enum");
            spec.choices().forEach(choices::add);
        }
        nested(spec, node);
        return node;
    }

    /** The declared keys of a mapping, and the entries of a list or of a mapping without declared keys. */
    private static void nested(ParamSpec spec, ObjectNode node) {
        if (spec.hasFields()) {
            ObjectNode properties = node.putObject("properties");
            ArrayNode required = JSON.arrayNode();
            for (ParamSpec field : spec.fields()) {
                properties.set(field.name(), of(field));
                field.aliases().forEach(alias -> properties.set(alias, of(field)));
                if (field.required() && field.aliases().isEmpty()) {
                    required.add(field.name());
                }
            }
            if (!required.isEmpty()) {
                node.set("required", required);
            }
            if (!spec.otherKeys()) {
                node.put("additionalProperties", false);
            }
        } else if (spec.items() != null && spec.kind() == ParamKind.MAP) {
            node.set("additionalProperties", of(spec.items()));
        }
        if (spec.items() != null && spec.kind() == ParamKind.LIST) {
            node.set("items", of(spec.items()));
        }
    }

    private static ObjectNode types(String... names) {
        ObjectNode node = JSON.objectNode();
        if (names.length == 1) {
            node.put("type", names[0]);
        } else {
            var array = node.putArray("type");
            for (String name : names) {
                array.add(name);
            }
        }
        return node;
    }

    /** A value of the JSON type, or text the engine converts to it (such as an environment override's "5"). */
    private static ObjectNode textOr(String type, String textPattern) {
        ObjectNode text = types("string").put("pattern", textPattern);
        ObjectNode node = types(type);
        return JSON.objectNode().set("anyOf", JSON.arrayNode().add(node).add(text));
    }

    static ObjectNode ref(String pointer) {
        return JSON.objectNode().put("$ref", pointer);
    }

    private static JsonNode defaultValue(Object value) {
        if (value instanceof Duration duration) {
            return JSON.textNode(duration.toString());
        }
        return MAPPER.valueToTree(value);
    }
}
