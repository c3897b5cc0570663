package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.core.config.ConfigLoader;
import dev.otai.core.config.Problems;
import dev.otai.store.tickets.LocalTicketSystem;
import dev.otai.testkit.FakeClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void a_failing_transaction_leaves_nothing_behind() {
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO counters (name, next_value) VALUES ('half', 1)");
                throw new IllegalStateException("crash mid-write");
            })).hasMessage("crash mid-write");

            int rows = store.inTransaction(c -> {
                var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM counters WHERE name = 'half'");
                r.next();
                return r.getInt(1);
            });
            assertThat(rows).isZero();
        }
    }

    @Test
    void an_interrupted_writer_does_not_break_the_store_for_others() throws Exception {
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            var tickets = new LocalTicketSystem(store);
            Thread writer = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    tickets.create(new dev.otai.api.ticket.NewTicket("t", "b", null, null, null, null, null, null));
                } catch (RuntimeException e) {
                    // an interrupted write may fail; the store must survive it
                }
            });
            writer.start();
            writer.join();

            tickets.create(new dev.otai.api.ticket.NewTicket("after", "b", null, null, null, null, null, null));
            assertThat(tickets.count()).isPositive();
        }
    }

    @Test
    void storage_settings_are_read_with_defaults_and_bad_values_named() {
        var problems = new Problems();
        var loaded = ConfigLoader.read("""
                open_ticket_ai:
                  infrastructure:
                    storage:
                      data_dir: /var/lib/otai
                      retention: { max_age: P7D, max_runs: "lots" }
                      ledger: { max_writes_per_ticket: 5, always_write: [notify] }
                  orchestrator: { runners: [] }
                """.getBytes(StandardCharsets.UTF_8), "config.yml", Map.of(), Map.of(), problems).orElseThrow();

        StorageSettings settings = StorageSettingsReader.read(loaded.root(), Path.of("/work"), problems);

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/lib/otai"));
        assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.maxRuns()).isEqualTo(100_000);
        assertThat(settings.ledger().maxWritesPerTicket()).isEqualTo(5);
        assertThat(settings.ledger().alwaysWrite()).containsExactly("notify");
        assertThat(problems.errors()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("infrastructure.storage.retention.max_runs").contains("\"lots\"").contains("config.yml:5"));
    }

    @Test
    void storage_settings_default_to_otai_data_in_the_working_directory() {
        var problems = new Problems();
        var loaded = ConfigLoader.read("open_ticket_ai: {orchestrator: {runners: []}}".getBytes(StandardCharsets.UTF_8),
                "config.yml", Map.of(), Map.of(), problems).orElseThrow();

        StorageSettings settings = StorageSettingsReader.read(loaded.root(), Path.of("/work"), problems);

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/work/otai-data"));
        assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(problems.errors()).isEmpty();
    }
}
