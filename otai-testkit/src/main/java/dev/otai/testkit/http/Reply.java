package dev.otai.testkit.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a fake's handler answers. */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {

    public static Reply json(int status, String body) {
        return new Reply(status, "application/json; charset=UTF-8", body, Map.of());
    }

    public static Reply text(int status, String body) {
        return new Reply(status, "text/plain; charset=UTF-8", body, Map.of());
    }

    public Reply withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, contentType, body, copy);
    }
}
