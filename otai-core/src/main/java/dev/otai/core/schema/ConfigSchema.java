package dev.otai.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otai.api.ParamSpec;
import dev.otai.api.PipeType;
import dev.otai.api.ServiceType;
import dev.otai.core.registry.PluginRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schema (draft-07) of a whole config, generated from the plugins registered at run time, for editors
 * with YAML language support: the root keys, {@code infrastructure}, services, both orchestrator shapes, and every
 * pipe and service type with its params, keyed on {@code use} so that an editor completes the params of the type
 * a pipe names. A config that {@code otai validate} accepts validates against it; it cannot see what needs the
 * whole tree (ids, template names, injects that point at missing services).
 */
public final class ConfigSchema {

    static final String DRAFT = "http://json-schema.org/draft-07/schema#";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> ROOT_KEYS = List.of("open_ticket_ai", "otai", "cfg");
    private static final List<String> PIPE_KEYS = List.of("id", "use", "params", "injects");
    private static final String RUNNER = "base:SimpleSequentialRunner";

    private final PluginRegistry registry;
    private final ObjectNode definitions = JSON.objectNode();

    private ConfigSchema(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The schema as a JSON tree. */
    public static ObjectNode of(PluginRegistry registry) {
        return new ConfigSchema(registry).build();
    }

    /** The schema as indented JSON text. */
    public static String json(PluginRegistry registry) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(of(registry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the generated schema cannot be written as JSON", e);
        }
    }

    private ObjectNode build() {
        definitions.set("template", JSON.objectNode().put("type", "string").put("pattern", "\\{\\{|\\{%|\\{#")
                .put("description", "a Jinja2 template, rendered when the pipe runs"));
        definitions.set("config", config());
        definitions.set("service", service());
        definitions.set("pipe", pipe());
        definitions.set("trigger", trigger());
        definitions.set("seed_orchestrator", SeedShape.orchestrator(registry, typeRef(RUNNER)));
        ObjectNode roots = JSON.objectNode();
        ROOT_KEYS.forEach(key -> roots.set(key, ParamSchema.ref("#/definitions/config")));
        return JSON.objectNode()
                .put("$schema", DRAFT)
                .put("title", "otai config")
                .put("description", "An otai (Open Ticket AI) config: one root key holding the whole configuration.")
                .put("type", "object")
                .<ObjectNode>set("properties", roots)
                .put("additionalProperties", false)
                .put("minProperties", 1)
                .set("definitions", definitions);
    }

    private ObjectNode config() {
        ObjectNode plugin = JSON.objectNode().set("anyOf", JSON.arrayNode()
                .add(JSON.objectNode().put("type", "string"))
                .add(JSON.objectNode().put("type", "object").<ObjectNode>set("required", JSON.arrayNode().add("name"))
                        .set("properties", JSON.objectNode()
                                .<ObjectNode>set("name", JSON.objectNode().put("type", "string"))
                                .set("version", JSON.objectNode().set("type", JSON.arrayNode().add("string").add("number"))))));
        ObjectNode orchestrator = JSON.objectNode().put("description", "OTAI's orchestrator pipe with runner steps, "
                        + "or the seed page's {runners: [{id, on, run}]}")
                .set("if", JSON.objectNode().<ObjectNode>set("required", JSON.arrayNode().add("runners"))
                        .set("not", JSON.objectNode().set("required", JSON.arrayNode().add("use"))));
        orchestrator.set("then", ParamSchema.ref("#/definitions/seed_orchestrator"));
        orchestrator.set("else", ParamSchema.ref(ParamSchema.PIPE));
        return JSON.objectNode().put("type", "object")
                .<ObjectNode>set("required", JSON.arrayNode().add("orchestrator"))
                .set("properties", JSON.objectNode()
                        .<ObjectNode>set("api_version", JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("string").add("number"))
                                .put("description", "a version specifier the engine's config API must satisfy").put("default", ">=1.0.0"))
                        .<ObjectNode>set("plugins", JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("array").add("null"))
                                .put("description", "plugins the config needs").set("items", plugin))
                        .<ObjectNode>set("infrastructure", InfrastructureSchema.infrastructure())
                        .<ObjectNode>set("services", JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("object").add("null"))
                                .put("description", "services by id, created once and injected into pipes")
                                .set("additionalProperties", ParamSchema.ref("#/definitions/service")))
                        .set("orchestrator", orchestrator));
    }

    private ObjectNode service() {
        ArrayNode uses = JSON.arrayNode();
        ArrayNode cases = JSON.arrayNode();
        for (var entry : registry.serviceTypes().entrySet()) {
            ServiceType type = entry.getValue();
            ObjectNode use = usePattern(entry.getKey(), bare(type.name(), registry.serviceTypes()), type.description());
            uses.add(use);
            ObjectNode then = JSON.objectNode().set("properties", JSON.objectNode()
                    .<ObjectNode>set("params", params(type.params(), false, true))
                    .set("injects", injects(type.injects())));
            cases.add(JSON.objectNode().<ObjectNode>set("if", ifUse(use)).set("then", then));
        }
        return JSON.objectNode().put("type", "object")
                .<ObjectNode>set("required", JSON.arrayNode().add("use"))
                .<ObjectNode>set("properties", JSON.objectNode()
                        .<ObjectNode>set("use", JSON.objectNode().put("type", "string").<ObjectNode>set("anyOf", uses)
                                .set("examples", names(registry.serviceTypes())))
                        .<ObjectNode>set("id", id())
                        .<ObjectNode>set("params", JSON.objectNode().set("type", JSON.arrayNode().add("object").add("null")))
                        .set("injects", injectsShape()))
                .<ObjectNode>set("propertyNames", enumOf(List.of("use", "params", "injects", "id")))
                .set("allOf", cases);
    }

    private ObjectNode pipe() {
        ArrayNode uses = JSON.arrayNode();
        ArrayNode cases = JSON.arrayNode();
        for (var entry : registry.pipeTypes().entrySet()) {
            PipeType type = entry.getValue();
            ObjectNode use = usePattern(entry.getKey(), bare(type.name(), registry.pipeTypes()), type.description());
            uses.add(use);
            definitions.set(typeKey(entry.getKey()), PipeTypeSchema.of(type));
            cases.add(JSON.objectNode().<ObjectNode>set("if", ifUse(use)).set("then", typeRef(entry.getKey())));
        }
        return JSON.objectNode().put("type", "object")
                .<ObjectNode>set("required", JSON.arrayNode().add("use"))
                .<ObjectNode>set("properties", JSON.objectNode()
                        .<ObjectNode>set("id", id())
                        .<ObjectNode>set("use", JSON.objectNode().put("type", "string").<ObjectNode>set("anyOf", uses)
                                .set("examples", names(registry.pipeTypes())))
                        .<ObjectNode>set("params", JSON.objectNode().set("type", JSON.arrayNode().add("object").add("null")))
                        .set("injects", injectsShape()))
                .set("allOf", cases);
    }

    /**
     * A trigger in a runner's {@code on}: a pipe, or the id of a trigger defined elsewhere, written alone
     * ({@code on: [hourly]}) or as {@code {id: hourly}}.
     */
    private static ObjectNode trigger() {
        ObjectNode reference = JSON.objectNode().put("type", "object")
                .<ObjectNode>set("required", JSON.arrayNode().add("id"))
                .<ObjectNode>set("properties", JSON.objectNode().set("id", id()))
                .put("additionalProperties", false);
        ObjectNode byId = JSON.objectNode().put("type", "string").put("description", "the id of a trigger defined elsewhere");
        return JSON.objectNode().set("anyOf", JSON.arrayNode().add(byId).add(reference).add(ParamSchema.ref(ParamSchema.PIPE)));
    }

    /** The {@code params} mapping of a type; {@code requireHere} when required params can be written nowhere else. */
    static ObjectNode params(List<ParamSpec> specs, boolean extraAllowed, boolean requireHere) {
        ObjectNode properties = JSON.objectNode();
        var names = JSON.arrayNode();
        for (ParamSpec spec : specs) {
            ObjectNode schema = ParamSchema.of(spec);
            properties.set(spec.name(), schema);
            names.add(spec.name());
            for (String alias : spec.aliases()) {
                properties.set(alias, schema.deepCopy());
                names.add(alias);
            }
        }
        ObjectNode node = JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("object").add("null"))
                .set("properties", properties);
        if (!extraAllowed) {
            node.set("propertyNames", JSON.objectNode().set("enum", names));
        }
        List<ParamSpec> required = specs.stream().filter(ParamSpec::required).toList();
        if (requireHere && !required.isEmpty()) {
            ArrayNode all = JSON.arrayNode();
            required.forEach(spec -> all.add(PipeTypeSchema.present(spec, false)));
            node.set("allOf", all);
        }
        return node;
    }

    static ObjectNode injects(Map<String, Class<?>> slots) {
        ObjectNode properties = JSON.objectNode();
        slots.forEach((slot, kind) -> properties.set(slot, JSON.objectNode().put("type", "string")
                .put("description", "the id of a " + kind.getSimpleName() + " service")));
        return JSON.objectNode().<ObjectNode>set("properties", properties)
                .set("propertyNames", enumOf(List.copyOf(slots.keySet())));
    }

    private static ObjectNode injectsShape() {
        return JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("object").add("null"))
                .<ObjectNode>set("additionalProperties", JSON.objectNode().put("type", "string"))
                .put("description", "param slot to service id");
    }

    static ObjectNode id() {
        return JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("string").add("number"))
                .put("description", "unique among its siblings; results are stored under it");
    }

    static ObjectNode enumOf(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return JSON.objectNode().set("enum", array);
    }

    private static ObjectNode usePattern(String canonical, boolean bare, String description) {
        int colon = canonical.indexOf(':');
        return JSON.objectNode().put("pattern", UsePattern.of(canonical.substring(0, colon), canonical.substring(colon + 1), bare))
                .put("title", canonical).put("description", description);
    }

    private static ObjectNode ifUse(ObjectNode use) {
        return JSON.objectNode().<ObjectNode>set("required", JSON.arrayNode().add("use"))
                .set("properties", JSON.objectNode().set("use", JSON.objectNode().put("pattern", use.get("pattern").asText())));
    }

    /** Whether the name alone resolves to one type: no other plugin registers it in any letter case. */
    private static boolean bare(String name, Map<String, ?> types) {
        return types.keySet().stream().filter(key -> key.substring(key.indexOf(':') + 1).toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))).count() == 1;
    }

    private static ArrayNode names(Map<String, ?> types) {
        ArrayNode array = JSON.arrayNode();
        types.keySet().forEach(array::add);
        return array;
    }

    static String typeKey(String canonical) {
        return "use:" + canonical;
    }

    static ObjectNode typeRef(String canonical) {
        return ParamSchema.ref("#/definitions/" + typeKey(canonical));
    }
}
