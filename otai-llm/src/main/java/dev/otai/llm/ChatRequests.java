package dev.otai.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds the JSON body of a chat-completions request. */
final class ChatRequests {

    private ChatRequests() {
    }

    static String body(LlmSettings settings, List<PromptTemplate.Message> messages) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", settings.model());
        ArrayNode list = root.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role()).put("content", m.content()));
        root.put("temperature", settings.temperature());
        settings.maxTokens().ifPresent(n -> root.put("max_tokens", n));
        switch (settings.responseFormat()) {
            case JSON_OBJECT -> root.putObject("response_format").put("type", "json_object");
            case JSON_SCHEMA -> root.set("response_format", schemaFormat(settings.labels()));
            case NONE -> { }
        }
        if (settings.wantsLogprobs()) {
            root.put("logprobs", true);
            root.put("top_logprobs", settings.topLogprobs());
        }
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strict JSON schema whose {@code label} can only be one of the labels. */
    private static ObjectNode schemaFormat(LabelSet labels) {
        ObjectNode format = Json.MAPPER.createObjectNode().put("type", "json_schema");
        ObjectNode spec = format.putObject("json_schema").put("name", "classification").put("strict", true);
        ObjectNode schema = spec.putObject("schema").put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode allowed = properties.putObject("label").put("type", "string").putArray("enum");
        labels.names().forEach(allowed::add);
        properties.putObject("confidence").put("type", "number");
        schema.putArray("required").add("label").add("confidence");
        return format;
    }
}
