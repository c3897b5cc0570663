package dev.otai.store.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket's updated-at as its idempotency keys spell it: exactly {@link Instant#toString()} (ISO-8601 in UTC, the
 * fraction in groups of three digits, none when zero), written without a {@code DateTimeFormatter}, which cost as
 * much as the rest of recording a write's version. Instants before 1970 or after 9999 take the formatter's path.
 */
final class VersionText {

    private static final long YEAR_10000 = 253_402_300_800L;
    private static final int[] POWERS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private VersionText() {
    }

    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int second = (int) (seconds % 86_400);
        int nanos = instant.getNano();
        var text = new StringBuilder(30);
        digits(text, date.getYear(), 4).append('-');
        digits(text, date.getMonthValue(), 2).append('-');
        digits(text, date.getDayOfMonth(), 2).append('T');
        digits(text, second / 3600, 2).append(':');
        digits(text, second / 60 % 60, 2).append(':');
        digits(text, second % 60, 2);
        if (nanos != 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(text, nanos / 1000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int divisor = POWERS[width - 1]; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }
}
