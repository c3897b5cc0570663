package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.testkit.FakeClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text a ticket or a model can put into a queued write comes back from the redo log and the database unchanged. */
class HostileRedoLogTextTest {

    private static final List<String> ODD = List.of(
            "",
            "\u0000nul\u0000",
            "lone high \uD800 and lone low \uDC00 surrogates",
            "emoji 🎫 and combining e\u0301",
            "'); DROP TABLE effects; --",
            "line\nbreaks\r\nand\ttabs",
            "\uFEFFbom and \uFFFF noncharacter",
            "ÿ".repeat(70_000), // longer than a 16-bit length would hold
            "é".repeat(9_000) + "\u20AC after thousands of Latin-1 characters");

    @TempDir
    Path dir;

    @Test
    void odd_and_huge_strings_round_trip_through_the_log_records() {
        var writes = new ArrayList<Write>();
        for (String text : ODD) {
            writes.add(Write.of(Sql.JOURNAL_STEP, text, text, text, text, text, text, null));
        }
        writes.add(Write.of(Sql.JOURNAL_STEP, "r", "run", "s", "p", "succeeded", "m", "z".repeat(3_000_000)));
        var record = new Logged(Long.MAX_VALUE, writes);

        RedoRecords.Found found = RedoRecords.decode(RedoRecords.encode(List.of(record)), 0);

        assertThat(found.damage()).isNull();
        assertThat(found.records()).containsExactly(record);
    }

    @Test
    void odd_strings_replayed_from_the_log_reach_the_database_unchanged() {
        Store.openEmbedded(dir, new FakeClock()).close();
        var records = new ArrayList<Logged>();
        for (int i = 0; i < ODD.size(); i++) {
            records.add(new Logged(i + 1, List.of(Write.of(Sql.JOURNAL_STEP, "route", "run1", "item" + i, "classify",
                    "succeeded", ODD.get(i), null))));
        }
        RedoLog log = RedoLog.open(dir, false).orElseThrow();
        log.append(records);
        log.close();

        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            List<String> messages = store.read(c -> {
                var out = new ArrayList<String>();
                try (var r = c.createStatement().executeQuery("SELECT message FROM journal_steps ORDER BY scope")) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
                return out;
            });
            assertThat(messages).containsExactlyInAnyOrderElementsOf(ODD);
        }
    }

    @Test
    void a_parameter_of_the_wrong_type_is_refused_naming_the_statement_and_the_position() {
        assertThatThrownBy(() -> Write.of(Sql.EFFECT_SETTLE, "applied", "v2", "not an instant", 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store statement EFFECT_SETTLE: parameter 3 was a String; expected instant");
        assertThatThrownBy(() -> Write.of(Sql.EFFECT_SETTLE, "applied"))
                .hasMessage("store statement EFFECT_SETTLE takes 4 parameters (sstl); got 1");
    }
}
