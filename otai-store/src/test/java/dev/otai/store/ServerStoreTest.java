package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.core.config.StorageSettings;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.history.Retention;
import dev.otai.store.history.RunHistory;
import dev.otai.store.history.RunQueries;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.PostgresServer;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store of clustered mode: several engines' stores on one PostgreSQL database. */
class ServerStoreTest {

    private final FakeClock clock = new FakeClock();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private ExecutorService threads;

    @AfterEach
    void close() throws Exception {
        if (threads != null) {
            threads.shutdownNow();
        }
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    private Store open(PostgresServer.Database database, String node) {
        Store store = Store.openServer(StoreFixture.onDatabase(database, node), clock);
        opened.add(store);
        return store;
    }

    private static Write runStart(Store store, long key, String runId) {
        return runStart(store, key, runId, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Write runStart(Store store, long key, String runId, Instant at) {
        return Write.of(Sql.HISTORY_RUN_START_ON_NODE, key, runId, "router", "tick", at, false, store.node());
    }

    @Test
    void retention_by_count_keeps_the_newest_runs_by_time_whichever_node_had_the_larger_keys() {
        var database = PostgresServer.shared().freshDatabase();
        Store a = open(database, "node-a");
        Store b = open(database, "node-b");
        long keyOfA = a.nextKey(Sql.Keys.RUNS);
        long keyOfB = b.nextKey(Sql.Keys.RUNS);
        Instant now = clock.instant();
        b.durably(runStart(b, keyOfB, "older", now.minusSeconds(60)));
        a.durably(runStart(a, keyOfA, "newer", now.minusSeconds(1)));
        var defaults = StorageSettings.defaults();
        var keepOne = new StorageSettings(defaults.dataDirectory(), defaults.maxAge(), 1, defaults.maxValueChars(),
                defaults.maxStepsPerRun(), defaults.ledger());

        var pruned = new Retention(a, keepOne).prune();

        assertThat(keyOfA).isLessThan(keyOfB);
        assertThat(pruned.runs()).isEqualTo(1);
        assertThat(new RunQueries(b).list(new RunQueries.Filter(null, false, null, 10)))
                .extracting(RunQueries.Run::id).containsExactly("newer");
    }

    @Test
    void two_stores_on_one_database_inserting_at_once_never_hand_out_the_same_key() throws Exception {
        var database = PostgresServer.shared().freshDatabase();
        Store a = open(database, "node-a");
        Store b = open(database, "node-b");
        threads = Executors.newFixedThreadPool(8);
        int perThread = 300;
        var tasks = new ArrayList<Callable<List<Long>>>();
        for (int t = 0; t < 8; t++) {
            Store store = t % 2 == 0 ? a : b;
            int thread = t;
            tasks.add(() -> {
                var keys = new ArrayList<Long>();
                for (int i = 0; i < perThread; i++) {
                    long key = store.nextKey(Sql.Keys.RUNS);
                    keys.add(key);
                    Write write = runStart(store, key, "r" + thread + "-" + i);
                    if (i % 50 == 0) {
                        store.durably(write);
                    } else {
                        store.later(write);
                    }
                }
                return keys;
            });
        }
        var keys = new HashSet<Long>();
        for (Future<List<Long>> done : threads.invokeAll(tasks)) {
            keys.addAll(done.get());
        }
        a.durable();
        b.durable();

        assertThat(keys).hasSize(8 * perThread);
        try (var c = database.dataSource().getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT node, COUNT(*) FROM runs GROUP BY node ORDER BY node")) {
            var counts = new ArrayList<String>();
            while (r.next()) {
                counts.add(r.getString(1) + "=" + r.getLong(2));
            }
            assertThat(counts).containsExactly("node-a=1200", "node-b=1200");
        }
    }

    @Test
    void a_durable_write_is_committed_when_durably_returns_even_while_other_threads_write_durably() throws Exception {
        var database = PostgresServer.shared().freshDatabase();
        Store store = open(database, "node-a");
        threads = Executors.newFixedThreadPool(6);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            tasks.add(() -> {
                try (var c = DriverManager.getConnection(database.url(), database.user(), database.password());
                     var s = c.prepareStatement("SELECT COUNT(*) FROM runs WHERE id = ?")) {
                    for (int i = 0; i < 40; i++) {
                        String runId = "d" + thread + "-" + i;
                        store.durably(runStart(store, store.nextKey(Sql.Keys.RUNS), runId));
                        s.setString(1, runId);
                        try (var r = s.executeQuery()) {
                            r.next();
                            if (r.getLong(1) != 1) {
                                return false;
                            }
                        }
                    }
                }
                return true;
            });
        }

        for (Future<Boolean> seen : threads.invokeAll(tasks)) {
            assertThat(seen.get()).as("each durable write seen by another connection once durably returned").isTrue();
        }
    }

    @Test
    void a_durable_write_the_database_refuses_fails_its_caller_instead_of_vanishing() {
        Store store = open(PostgresServer.shared().freshDatabase(), "node-a");
        long key = store.nextKey(Sql.Keys.RUNS);
        store.durably(runStart(store, key, "first"));

        assertThatThrownBy(() -> store.durably(runStart(store, key, "same-key")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("a durable write could not be committed")
                .hasMessageContaining("runs_pkey");
        store.durably(runStart(store, store.nextKey(Sql.Keys.RUNS), "after"));
        assertThat(new RunQueries(store).show("after")).isPresent();
    }

    @Test
    void each_run_records_the_node_it_ran_on_and_a_restart_abandons_only_its_own_nodes_runs() {
        var database = PostgresServer.shared().freshDatabase();
        Store a = open(database, "node-a");
        Store b = open(database, "node-b");
        a.durably(runStart(a, a.nextKey(Sql.Keys.RUNS), "on-a"));
        b.durably(runStart(b, b.nextKey(Sql.Keys.RUNS), "on-b"));

        int abandoned = new RunHistory(a, StorageSettings.defaults(), false, new Redactor()).abandonUnfinished();

        var queries = new RunQueries(b);
        assertThat(abandoned).isEqualTo(1);
        assertThat(queries.show("on-a").orElseThrow().run()).satisfies(run -> {
            assertThat(run.node()).isEqualTo("node-a");
            assertThat(run.outcome()).isEqualTo("abandoned");
        });
        assertThat(queries.show("on-b").orElseThrow().run()).satisfies(run -> {
            assertThat(run.node()).isEqualTo("node-b");
            assertThat(run.outcome()).isEqualTo("running");
        });
        assertThat(a.clustered()).isTrue();
        assertThat(a.node()).isEqualTo("node-a");
    }

    @Test
    void an_unreachable_database_fails_the_open_naming_the_url_and_user_but_not_the_password() {
        var database = PostgresServer.shared().freshDatabase();
        String missing = database.url().replaceFirst("/[^/?]+$", "/no_such_database");
        var server = new StorageSettings.Server(missing + "?password=url-secret", database.user(), "pw-secret", 2, "node-a",
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> Store.openServer(server, clock))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to the PostgreSQL store at " + missing + "?password=*** as user '"
                        + database.user() + "': ")
                .hasMessageContaining("no_such_database")
                .hasMessageEndingWith("; expected a reachable server and database, and the right infrastructure.storage.url, "
                        + "user and password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("url-secret").doesNotContain("pw-secret"));
    }
}
