package dev.otai.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text for values stored in columns: plain maps, lists, strings, numbers and booleans; anything else as text. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for a " + value.getClass().getName(), e);
        }
    }

    /** The JSON text of {@code value}, or a note saying how long it was when longer than {@code maxChars}. */
    public static String writeCapped(Object value, int maxChars) {
        String text = write(value);
        if (text.length() <= maxChars) {
            return text;
        }
        return write(Map.of("truncated", true, "original_chars", text.length(),
                "start", text.substring(0, Math.max(0, maxChars - 100))));
    }

    public static Object read(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String text) {
        return read(text) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Converts records and other objects to maps, lists and text, so any pipe data can be written. */
    static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Map<?, ?> map -> {
                var out = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
                yield out;
            }
            case Iterable<?> items -> {
                var out = new ArrayList<Object>();
                items.forEach(item -> out.add(plain(item)));
                yield out;
            }
            case Object[] items -> plain(List.of(items));
            case TemporalAccessor t -> t.toString();
            case Duration d -> d.toString();
            default -> value.toString();
        };
    }
}
