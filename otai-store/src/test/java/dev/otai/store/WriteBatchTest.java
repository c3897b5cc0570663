package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.FakeClock;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's batches against a real H2 database: what reaches the table, and with how many statements. */
class WriteBatchTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    private Store store;
    private KeptConnection connection;

    @BeforeEach
    void openDatabase() throws SQLException {
        LoopbackBinding.ensure(); // before H2 reads its settings, as every store of this JVM expects
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:batch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        store = Store.open(dataSource, "test database", new FakeClock());
        connection = new KeptConnection(dataSource, false);
        connection.connection().createStatement().execute("SET QUERY_STATISTICS TRUE");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.connection().createStatement().execute("SHUTDOWN");
        connection.close();
        store.close();
    }

    private static Write intent(long id) {
        return Write.of(Sql.EFFECT_INSERT, id, "key-" + id, "run1", "route", "move", "T-" + id, "update", "{}", "pending",
                AT, "v1", null, null);
    }

    private static Write settled(long id) {
        return Write.of(Sql.EFFECT_SETTLE, "applied", "v2-" + id, AT, id);
    }

    private void commit(Write... writes) throws SQLException {
        var batch = new WriteBatch(connection);
        for (Write write : writes) {
            batch.add(write);
        }
        batch.finish();
        connection.connection().commit();
    }

    /** How often each statement ran (a row of a JDBC batch counts once). */
    private Map<Sql, Long> executions() throws SQLException {
        var out = new HashMap<Sql, Long>();
        try (var r = connection.connection().createStatement().executeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (r.next()) {
                for (Sql sql : Sql.values()) {
                    if (sql.text().equals(r.getString(1))) {
                        out.put(sql, r.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    private List<String> effects() throws SQLException {
        var out = new ArrayList<String>();
        try (var r = connection.connection().createStatement().executeQuery(
                "SELECT id, status, version_after FROM effects ORDER BY id")) {
            while (r.next()) {
                out.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3));
            }
        }
        return out;
    }

    @Test
    void a_settlement_of_an_earlier_batch_leaves_the_inserts_open_so_that_later_settlements_fold_into_them()
            throws SQLException {
        commit(intent(1));

        commit(intent(2), settled(1), intent(3), settled(2), intent(4), settled(3));

        assertThat(effects()).containsExactly("1 applied v2-1", "2 applied v2-2", "3 applied v2-3", "4 pending null");
        assertThat(executions()).containsEntry(Sql.EFFECT_INSERT, 4L).containsEntry(Sql.EFFECT_SETTLE, 1L);
    }

    @Test
    void a_settlement_folded_into_its_insert_leaves_the_row_as_an_insert_then_an_update_would() throws SQLException {
        commit(intent(1), settled(1), intent(2));

        assertThat(effects()).containsExactly("1 applied v2-1", "2 pending null");
        assertThat(executions()).containsEntry(Sql.EFFECT_INSERT, 2L).doesNotContainKey(Sql.EFFECT_SETTLE);
    }
}
