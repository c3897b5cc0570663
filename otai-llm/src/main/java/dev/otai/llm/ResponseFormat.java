package dev.otai.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the request constrains the answer to JSON ({@code response_format} param). */
enum ResponseFormat {
    /** {@code {"type": "json_object"}}: valid JSON; the prompt says which keys. Supported by most servers. */
    JSON_OBJECT,
    /** {@code {"type": "json_schema"}} with an enum of the labels: the server can only produce a valid label. */
    JSON_SCHEMA,
    /** No {@code response_format}: for servers that reject it; the answer is still parsed as JSON or as a bare label. */
    NONE;

    static final String EXPECTED = "one of json_object, json_schema, none";

    static Optional<ResponseFormat> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
