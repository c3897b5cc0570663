package dev.otai.http;

import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns engine events into Prometheus metrics, and remembers each runner's last run for the health endpoint.
 * Metric names: {@code otai_runs_total{runner,outcome}}, {@code otai_run_duration_seconds{runner}},
 * {@code otai_fires_skipped_total{runner}}, {@code otai_trigger_fires_total{trigger}},
 * {@code otai_webhook_events_total{trigger,status}} (trigger {@code unknown} for ids that are no event trigger of the
 * config), {@code otai_events_queued_total{runner}}, {@code otai_runs_spinning_total{runner}} (runs that fetched tickets
 * and wrote nothing because every write was already applied; the runner backs off after each),
 * {@code otai_config_reloads_total{outcome}} (config reloads: applied, rejected, failed). Besides, the process's own
 * meters (JVM memory, threads, classes, CPU, uptime), so that a scrape is never empty, even before the first run;
 * the runners {@link #runners told of} have their run counters at 0 until they run. A node of a cluster adds
 * {@code otai_runners_owned{node}} (runners whose lease it holds now) and {@code otai_leases_lost_total{node}}.
 */
public final class EngineMetrics implements EngineListener {

    private static final Logger log = LoggerFactory.getLogger(EngineMetrics.class);

    /** The last finished run of a runner. */
    public record LastRun(String outcome, Instant finishedAt, Duration duration, String message) {
    }

    private static final List<String> OUTCOMES = List.of("succeeded", "failed", "skipped");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, LastRun> lastRuns = new ConcurrentHashMap<>();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    private volatile ClusterView cluster;

    public EngineMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The runners of the running config: their run counters show 0 from now on, not only after their first run. */
    public void runners(Collection<String> runnerIds) {
        for (String runnerId : runnerIds) {
            for (String outcome : OUTCOMES) {
                runs(runnerId, outcome);
            }
        }
    }

    private Counter runs(String runnerId, String outcome) {
        return Counter.builder("otai_runs").description("finished runs").tag("runner", runnerId).tag("outcome", outcome)
                .register(registry);
    }

    /** This engine is a node of a cluster: its owned runners and lost leases become metrics and show in health. */
    public void cluster(ClusterView view) {
        cluster = view;
        Gauge.builder("otai_runners_owned", view, v -> v.owned().get().size())
                .description("runners whose lease this node holds now").tag("node", view.node()).register(registry);
        FunctionCounter.builder("otai_leases_lost", view, v -> v.leasesLost().getAsLong())
                .description("runner leases this node lost (not renewed in time)").tag("node", view.node()).register(registry);
    }

    /** This engine as a node of a cluster; empty for an engine alone. */
    public Optional<ClusterView> cluster() {
        return Optional.ofNullable(cluster);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Has {@code refresh} run before each {@link #scrape}: for meters whose values are read from elsewhere (the shared
     * store of a cluster) when asked for rather than counted here.
     */
    public void beforeEachScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /** The Prometheus text of every meter, after the {@link #beforeEachScrape refreshes}; one that fails keeps its last values. */
    public String scrape() {
        for (Runnable refresh : beforeScrape) {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                log.warn("Metrics read from outside the engine could not be refreshed; the scrape shows their last values: {}",
                        e.getMessage());
            }
        }
        return registry.scrape();
    }

    public Map<String, LastRun> lastRuns() {
        return Map.copyOf(lastRuns);
    }

    @Override
    public void on(EngineEvent event) {
        switch (event) {
            case EngineEvent.RunFinished f -> {
                runs(f.runnerId(), f.result().outcome()).increment();
                Timer.builder("otai_run_duration").description("run durations").tag("runner", f.runnerId())
                        .publishPercentileHistogram().register(registry).record(f.duration());
                lastRuns.put(f.runnerId(), new LastRun(f.result().outcome(), Instant.now(), f.duration(), f.result().message()));
            }
            case EngineEvent.FireSkipped s -> Counter.builder("otai_fires_skipped")
                    .description("fires skipped because the runner was busy").tag("runner", s.runnerId())
                    .register(registry).increment();
            case EngineEvent.TriggerFired t -> Counter.builder("otai_trigger_fires").description("trigger fires")
                    .tag("trigger", t.triggerId()).register(registry).increment();
            case EngineEvent.EventQueued q -> Counter.builder("otai_events_queued")
                    .description("events that waited for a busy runner").tag("runner", q.runnerId())
                    .register(registry).increment();
            case EngineEvent.RunSpinning s -> Counter.builder("otai_runs_spinning")
                    .description("runs that fetched tickets and wrote nothing, every write already applied; the runner backs off")
                    .tag("runner", s.runnerId()).register(registry).increment();
            case EngineEvent.RunStarted s -> { }
        }
    }

    /** Counts one config reload by outcome: {@code applied}, {@code rejected} or {@code failed}. */
    public void reloaded(String outcome) {
        Counter.builder("otai_config_reloads").description("config reloads by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Counts one webhook request by trigger and HTTP status. */
    void webhook(String triggerId, int status) {
        Counter.builder("otai_webhook_events").description("webhook requests by answer").tag("trigger", triggerId)
                .tag("status", Integer.toString(status)).register(registry).increment();
    }
}
