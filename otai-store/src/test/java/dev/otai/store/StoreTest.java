package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.NewTicket;
import dev.otai.store.tickets.LocalTicketSystem;
import dev.otai.testkit.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
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
                    tickets.create(new NewTicket("t", "b", null, null, null, null, null, null));
                } catch (RuntimeException e) {
                    // an interrupted write may fail; the store must survive it
                }
            });
            writer.start();
            writer.join();

            tickets.create(new NewTicket("after", "b", null, null, null, null, null, null));
            assertThat(tickets.count()).isPositive();
        }
    }

    @Test
    void a_store_migrated_by_a_newer_version_is_refused_naming_the_unknown_schema() {
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO \"flyway_schema_history\" "
                    + "(\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                    + "\"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'otai', 1, TRUE)"));
        }

        assertThatThrownBy(() -> Store.openEmbedded(dir, new FakeClock()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("a newer otai migrated it")
                .hasMessageContaining("V999 from the future")
                .hasMessageContaining("restore the data directory");
    }
}
