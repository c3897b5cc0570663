package dev.otai.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model answered: the label as written, where it stands in the text (for logprobs), and the confidence the
 * model stated. The answer is the JSON object in the text (code fences or words around it are ignored); a text with
 * no JSON object is taken as a bare label, so servers without JSON mode still work.
 *
 * @param label  the label as the model wrote it, trimmed
 * @param start  the index of the label's first character in the text, or -1 when unknown
 * @param end    the index after its last character, or -1
 * @param stated the model's stated confidence in [0, 1], if it gave a usable one
 */
record Answer(String label, int start, int end, OptionalDouble stated) {

    private static final Pattern LABEL_KEY = Pattern.compile("\"label\"\\s*:\\s*\"");

    static Answer read(String content, String where) throws LlmException {
        int open = content.indexOf('{');
        int close = content.lastIndexOf('}');
        if (open >= 0 && close > open) {
            JsonNode object = object(content.substring(open, close + 1));
            if (object != null) {
                return fromJson(object, content, open, where);
            }
        }
        return bare(content);
    }

    private static Answer fromJson(JsonNode object, String content, int from, String where) throws LlmException {
        JsonNode label = object.path("label");
        if (!label.isTextual()) {
            throw new LlmException(where + ": the model answered " + Errors.quote(content)
                    + ", which has no text field 'label'; expected {\"label\": ..., \"confidence\": ...}");
        }
        Matcher key = LABEL_KEY.matcher(content);
        int start = key.find(from) ? key.end() : -1;
        int end = start < 0 ? -1 : closingQuote(content, start);
        return new Answer(label.asText().strip(), end < 0 ? -1 : start, end, stated(object.path("confidence")));
    }

    private static Answer bare(String content) {
        String label = content.strip();
        while (!label.isEmpty() && "\"'`.".indexOf(label.charAt(0)) >= 0) {
            label = label.substring(1);
        }
        while (!label.isEmpty() && "\"'`.".indexOf(label.charAt(label.length() - 1)) >= 0) {
            label = label.substring(0, label.length() - 1);
        }
        label = label.strip();
        int start = label.isEmpty() ? -1 : content.indexOf(label);
        return new Answer(label, start, start < 0 ? -1 : start + label.length(), OptionalDouble.empty());
    }

    private static JsonNode object(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** A number in [0, 1], or a percentage in (1, 100]; anything else is ignored. */
    private static OptionalDouble stated(JsonNode node) {
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.asText().strip().replace("%", ""));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        } else {
            return OptionalDouble.empty();
        }
        if (value >= 0 && value <= 1) {
            return OptionalDouble.of(value);
        }
        return value > 1 && value <= 100 ? OptionalDouble.of(value / 100) : OptionalDouble.empty();
    }
}
