package dev.otai.app;

import dev.otai.http.EngineMetrics;
import dev.otai.store.Store;
import dev.otai.store.history.RunTotals;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;

/**
 * {@code otai_cluster_runs{runner,outcome,node}}: in clustered mode, the runs the shared store holds (within retention,
 * dry runs left out), of every node, read from the database when {@code /metrics} is scraped, at most once per
 * {@value #MAX_AGE_SECONDS} seconds. Scraping any node shows the whole cluster's; the counters of
 * {@link EngineMetrics} stay this node's own.
 */
final class ClusterRunGauges {

    static final long MAX_AGE_SECONDS = 5;

    private ClusterRunGauges() {
    }

    static void bind(EngineMetrics metrics, Store store) {
        var totals = new RunTotals(store, Duration.ofSeconds(MAX_AGE_SECONDS));
        MultiGauge gauge = MultiGauge.builder("otai_cluster_runs")
                .description("runs in the cluster's store by runner, outcome and node (within retention, dry runs left out)")
                .register(metrics.registry());
        metrics.beforeEachScrape(() -> gauge.register(totals.counts().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("runner", e.getKey().runner(), "outcome", e.getKey().outcome(),
                        "node", e.getKey().node()), e.getValue()))
                .toList(), true));
    }
}
