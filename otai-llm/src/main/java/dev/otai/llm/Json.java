package dev.otai.llm;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of this plugin; configured once, then only used (it is thread-safe). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
