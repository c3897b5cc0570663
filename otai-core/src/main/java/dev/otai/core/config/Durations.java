package dev.otai.core.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as OTAI configs write them: ISO-8601 ({@code PT0.5S}, {@code P1D}), {@code [D day[s], ]H:MM:SS[.f]},
 * or a number of seconds (a YAML number, or text holding one).
 */
public final class Durations {

    private static final Pattern CLOCK = Pattern.compile(
            "(-)?(?:(\\d+) days?,\\s*)?(\\d+):(\\d{1,2}):(\\d{1,2}(?:\\.\\d{1,9})?)");
    private static final Pattern SECONDS = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    public static final String EXPECTATION = "a duration: ISO-8601 like PT5M or PT0.5S, H:MM:SS[.f], or a number of seconds";

    private Durations() {
    }

    public static Optional<Duration> parse(Object value) {
        if (value instanceof Duration d) {
            return Optional.of(d);
        }
        if (value instanceof Number n) {
            return Optional.of(ofSeconds(new BigDecimal(n.toString())));
        }
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (SECONDS.matcher(s).matches()) {
            return Optional.of(ofSeconds(new BigDecimal(s)));
        }
        Matcher clock = CLOCK.matcher(s);
        if (clock.matches()) {
            Duration d = Duration.ofDays(clock.group(2) == null ? 0 : Long.parseLong(clock.group(2)))
                    .plusHours(Long.parseLong(clock.group(3)))
                    .plusMinutes(Long.parseLong(clock.group(4)))
                    .plus(ofSeconds(new BigDecimal(clock.group(5))));
            return Optional.of(clock.group(1) != null ? d.negated() : d);
        }
        try {
            return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration ofSeconds(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    /** Formats a duration for messages: {@code 500ms}, {@code 2.5s}, {@code 5m}, {@code 1h30m}. */
    public static String format(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toSeconds() < 60) {
            return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
        }
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
