package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.StorageSettings;
import dev.otai.http.EngineMetrics;
import dev.otai.store.Sql;
import dev.otai.store.Store;
import dev.otai.store.Write;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.PostgresServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterRunGaugesTest {

    private final FakeClock clock = new FakeClock();
    private Store nodeA;
    private Store nodeB;

    @AfterEach
    void close() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private Store open(PostgresServer.Database database, String node) {
        return Store.openServer(new StorageSettings.Server(database.url(), database.user(), database.password(), 2, node,
                Duration.ofSeconds(10)), clock);
    }

    private static void run(Store store, String runId, String runner, String outcome, boolean dryRun) {
        long key = store.nextKey(Sql.Keys.RUNS);
        store.durably(Write.of(Sql.HISTORY_RUN_START_ON_NODE, key, runId, runner, "tick", store.clock().instant(), dryRun,
                        store.node()),
                Write.of(Sql.HISTORY_RUN_END, store.clock().instant(), 5, outcome, "", 1, 0, 0, key));
    }

    @Test
    void a_scrape_of_one_node_shows_the_runs_of_every_node_in_the_shared_store() {
        var database = PostgresServer.shared().freshDatabase();
        nodeA = open(database, "node-a");
        nodeB = open(database, "node-b");
        run(nodeA, "a1", "route", "succeeded", false);
        run(nodeB, "b1", "route", "succeeded", false);
        run(nodeB, "b2", "route", "failed", false);
        run(nodeB, "b3", "route", "succeeded", true);
        var metrics = new EngineMetrics();

        ClusterRunGauges.bind(metrics, nodeA);

        assertThat(metrics.scrape().lines().filter(line -> line.startsWith("otai_cluster_runs{")))
                .containsExactlyInAnyOrder(
                        "otai_cluster_runs{node=\"node-a\",outcome=\"succeeded\",runner=\"route\"} 1.0",
                        "otai_cluster_runs{node=\"node-b\",outcome=\"failed\",runner=\"route\"} 1.0",
                        "otai_cluster_runs{node=\"node-b\",outcome=\"succeeded\",runner=\"route\"} 1.0");
    }

    @Test
    void the_store_is_read_again_only_once_the_last_read_is_five_seconds_old() {
        var database = PostgresServer.shared().freshDatabase();
        nodeA = open(database, "node-a");
        nodeB = open(database, "node-b");
        run(nodeB, "b1", "route", "succeeded", false);
        var metrics = new EngineMetrics();
        ClusterRunGauges.bind(metrics, nodeA);
        String first = metrics.scrape();

        run(nodeB, "b2", "route", "succeeded", false);
        String soon = metrics.scrape();
        clock.advance(Duration.ofSeconds(5));
        String later = metrics.scrape();

        String line = "otai_cluster_runs{node=\"node-b\",outcome=\"succeeded\",runner=\"route\"} ";
        assertThat(first).contains(line + "1.0");
        assertThat(soon).contains(line + "1.0");
        assertThat(later).contains(line + "2.0");
    }
}
