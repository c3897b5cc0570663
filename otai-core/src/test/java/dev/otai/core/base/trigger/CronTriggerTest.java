package dev.otai.core.base.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.Trigger;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CronTriggerTest {

    private static List<ZonedDateTime> next(Map<String, Object> params, String from, int count) {
        Trigger.Schedule schedule = CronTrigger.schedule(params);
        var out = new ArrayList<ZonedDateTime>();
        Instant t = ZonedDateTime.parse(from).toInstant();
        for (int i = 0; i < count; i++) {
            t = schedule.nextAfter(t).orElseThrow();
            out.add(ZonedDateTime.ofInstant(t, CronTrigger.zone(params.get("timezone"))));
        }
        return out;
    }

    @Test
    void five_fields_are_unix_cron_in_the_given_zone() {
        assertThat(next(Map.of("cron", "*/30 9-10 * * mon-fri", "timezone", "Europe/Berlin"), "2026-01-09T10:45:00+01:00[Europe/Berlin]", 3))
                .extracting(ZonedDateTime::toString)
                .containsExactly("2026-01-12T09:00+01:00[Europe/Berlin]", "2026-01-12T09:30+01:00[Europe/Berlin]",
                        "2026-01-12T10:00+01:00[Europe/Berlin]");
    }

    @Test
    void six_fields_put_seconds_first() {
        assertThat(next(Map.of("cron", "*/20 * * * * *", "timezone", "UTC"), "2026-01-09T10:45:00Z[UTC]", 2))
                .extracting(ZonedDateTime::toString)
                .containsExactly("2026-01-09T10:45:20Z[UTC]", "2026-01-09T10:45:40Z[UTC]");
    }

    @Test
    void spring_forward_skips_the_missing_hour_and_keeps_the_day() {
        List<ZonedDateTime> fires = next(Map.of("cron", "30 * * * *", "timezone", "Europe/Berlin"),
                "2026-03-29T01:00:00+01:00[Europe/Berlin]", 2);
        assertThat(fires).extracting(ZonedDateTime::toString)
                .containsExactly("2026-03-29T01:30+01:00[Europe/Berlin]", "2026-03-29T03:30+02:00[Europe/Berlin]");
    }

    @Test
    void fall_back_fires_a_repeated_local_time_once() {
        List<ZonedDateTime> fires = next(Map.of("cron", "30 2 * * *", "timezone", "Europe/Berlin"),
                "2026-10-25T00:00:00+02:00[Europe/Berlin]", 2);
        assertThat(fires.get(0).toLocalDate()).hasToString("2026-10-25");
        assertThat(fires.get(1).toLocalDate()).hasToString("2026-10-26");
    }

    @Test
    void apscheduler_style_fields_build_the_expression() {
        assertThat(CronTrigger.expressionText(Map.of("hour", "9-17", "day_of_week", "mon-fri"))).isEqualTo("0 9-17 * * mon-fri");
        assertThat(CronTrigger.expressionText(Map.of("minute", "*/5"))).isEqualTo("*/5 * * * *");
    }

    @Test
    void bad_expressions_and_zones_are_explained() {
        assertThatThrownBy(() -> CronTrigger.expression(Map.of("cron", "61 * * * *")))
                .hasMessageContaining("cron was \"61 * * * *\"; expected 5 fields");
        assertThatThrownBy(() -> CronTrigger.zone("Mars/Olympus")).hasMessageContaining("expected an IANA time zone");
        assertThat(CronTrigger.TYPE.check(Map.of("cron", "every day"))).singleElement().asString().contains("cron was");
    }
}
