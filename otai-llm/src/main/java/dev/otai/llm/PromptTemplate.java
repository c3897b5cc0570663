package dev.otai.llm;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The prompt, with placeholders in single braces so the engine's own {@code {{ }}} templates never touch them:
 * {@code {labels}} (one line per label, with its description), {@code {label_names}} (the names, comma-separated)
 * and {@code {text}} (the text to classify). Without {@code {text}} the prompt is the system message and the text
 * is the user message; with it, the whole prompt is one user message. Other braces (a JSON example) stay as written.
 */
record PromptTemplate(String template) {

    static final String DEFAULT = """
            You classify helpdesk tickets. Choose exactly one label for the ticket from this list:
            {labels}

            Answer with a JSON object and nothing else, in this form:
            {"label": "<one label from the list, spelled exactly as listed>", "confidence": <how sure you are that the label is right, a number from 0 to 1>}""";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(labels|label_names|text)}");

    /** One chat message. */
    record Message(String role, String content) {
    }

    static PromptTemplate of(String template) {
        if (template.isBlank()) {
            throw new IllegalArgumentException("prompt is blank; expected a prompt template");
        }
        return new PromptTemplate(template);
    }

    List<Message> messages(LabelSet labels, String text) {
        Map<String, String> values = Map.of(
                "labels", labelLines(labels),
                "label_names", String.join(", ", labels.names()),
                "text", text);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        if (template.contains("{text}")) {
            return List.of(new Message("user", out.toString()));
        }
        return List.of(new Message("system", out.toString()), new Message("user", text));
    }

    private static String labelLines(LabelSet labels) {
        return labels.descriptions().entrySet().stream()
                .map(e -> e.getValue().isBlank() ? "- " + e.getKey() : "- " + e.getKey() + ": " + e.getValue().strip())
                .collect(Collectors.joining("\n"));
    }
}
