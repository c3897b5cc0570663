package dev.otai.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The version text is the one keys were built with before it (Instant#toString), or keys written then would miss. */
class VersionTextTest {

    @Test
    void spells_every_instant_as_instant_to_string_does() {
        var random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-10_000_000_000L, 260_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(VersionText.of(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    @Test
    void spells_the_edges_of_days_years_and_fractions_as_instant_to_string_does() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "2026-12-06T11:49:18Z",
            "2026-03-01T10:15:30.100Z", "2026-03-01T10:15:30.000100Z", "2026-03-01T10:15:30.000000001Z",
            "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "0001-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(VersionText.of(instant)).isEqualTo(instant.toString());
        }
    }
}
