package dev.otai.testkit.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as a fake's handler sees it.
 *
 * @param headers header names in lower case
 */
public record Exchange(String method, String path, String query, Map<String, List<String>> headers, String body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
