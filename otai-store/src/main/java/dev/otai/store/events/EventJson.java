package dev.otai.store.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * A stored event's JSON. The event wraps the request's body (which the webhook triggers read with Jackson's
 * default nesting limit) in a map of its own, so it may nest one level deeper than any body they accept: written
 * and read back here with room for that level, so that every event a trigger accepted can be stored and run.
 */
final class EventJson {

    /** Jackson's default limit, which bounds the bodies the triggers accept, and the levels the event adds. */
    private static final int MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH + 8;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private EventJson() {
    }

    static String write(Map<String, Object> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored event is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
