package dev.otai.testkit.http;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request a fake server received, with what it answered.
 *
 * @param at       when it arrived (wall clock)
 * @param number   the 1-based call number on this server
 * @param headers  header names in lower case
 * @param status   the status answered, or 0 when the connection was dropped
 * @param fault    the fault injected, or null
 */
public record RecordedRequest(Instant at, long number, String method, String path, String query,
                              Map<String, List<String>> headers, String body, int status, Fault fault) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
