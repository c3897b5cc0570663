package dev.otai.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.orchestration.EngineEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {

    @Test
    void runs_that_spin_are_counted_per_runner_for_prometheus() {
        var metrics = new EngineMetrics();

        metrics.on(new EngineEvent.RunSpinning("noter", "run00001", 2, 2, Duration.ofMinutes(1)));
        metrics.on(new EngineEvent.RunSpinning("noter", "run00002", 2, 2, Duration.ofMinutes(2)));
        metrics.on(new EngineEvent.RunSpinning("router", "run00003", 5, 10, Duration.ofMinutes(1)));

        assertThat(metrics.registry().scrape())
                .contains("otai_runs_spinning_total{runner=\"noter\"} 2.0")
                .contains("otai_runs_spinning_total{runner=\"router\"} 1.0");
    }

    @Test
    void a_scrape_before_any_run_holds_the_process_meters_and_the_runners_run_counters_at_zero() {
        var metrics = new EngineMetrics();

        metrics.runners(java.util.List.of("router"));

        assertThat(metrics.registry().scrape())
                .contains("otai_runs_total{outcome=\"succeeded\",runner=\"router\"} 0.0")
                .contains("otai_runs_total{outcome=\"failed\",runner=\"router\"} 0.0")
                .contains("jvm_memory_used_bytes").contains("process_uptime_seconds").contains("jvm_threads_live_threads");
    }
}
