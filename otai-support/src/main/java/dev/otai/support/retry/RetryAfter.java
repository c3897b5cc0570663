package dev.otai.support.retry;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asks us to wait: OpenAI's {@code retry-after-ms}, else {@code Retry-After} as seconds
 * (fractions allowed) or as an HTTP date, measured against the injected clock. Empty when absent or unreadable.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Optional<Duration> of(HttpHeaders headers, InstantSource clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            Optional<Double> value = number(millis.get());
            if (value.isPresent()) {
                return Optional.of(Duration.ofMillis(Math.round(value.get())));
            }
        }
        return headers.firstValue("retry-after").flatMap(value -> seconds(value, clock.instant()));
    }

    private static Optional<Duration> seconds(String value, Instant now) {
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofMillis(Math.round(seconds.get() * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        try {
            double parsed = Double.parseDouble(value.strip());
            return parsed >= 0 && Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
