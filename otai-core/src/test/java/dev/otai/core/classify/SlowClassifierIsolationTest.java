package dev.otai.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.core.orchestration.RunnerStatus;
import dev.otai.testkit.FakeClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A classifier that takes long blocks only the runner that uses it; other runners keep their schedule. */
class SlowClassifierIsolationTest {

    private static final String CONFIG = """
            open_ticket_ai:
              services:
                slow_model: { use: "slow:GatedClassifier" }
              orchestrator:
                use: "base:SimpleSequentialOrchestrator"
                params:
                  steps:
                    - id: classify_runner
                      use: "base:SimpleSequentialRunner"
                      params:
                        "on": { id: every_minute, use: "base:IntervalTrigger", params: { interval: "PT1M" } }
                        run:
                          id: classify
                          use: "base:ClassificationPipe"
                          injects: { classification_service: "slow_model" }
                          params: { text: "printer broken" }
                    - id: fast_runner
                      use: "base:SimpleSequentialRunner"
                      params:
                        "on": { id: every_ten_seconds, use: "base:IntervalTrigger", params: { interval: "PT10S" } }
                        run: { id: note, use: "base:ExpressionPipe", params: { expression: "done" } }
            """;

    @Test
    void slow_classifier_does_not_delay_another_runners_schedule() throws Exception {
        var clock = new FakeClock();
        var gate = new SlowClassifierPlugin.Gate();
        var finished = new LinkedBlockingQueue<EngineEvent.RunFinished>();
        var lifecycle = new Lifecycle();
        try (Engine engine = Engine.start(EngineFixture.valid(CONFIG, Map.of()), EngineFixture.TEMPLATES, clock, lifecycle,
                event -> {
                    if (event instanceof EngineEvent.RunFinished done) {
                        finished.add(done);
                    }
                }, Facilities.builder().add(SlowClassifierPlugin.Gate.class, gate))) {
            Orchestrator orchestrator = engine.orchestrator();
            orchestrator.start();
            try {
                driveTwelveTicks(orchestrator, clock, gate, finished);
            } finally {
                gate.open().countDown();
                lifecycle.requestStop();
                orchestrator.stop();
            }
        }
    }

    private static void driveTwelveTicks(Orchestrator orchestrator, FakeClock clock, SlowClassifierPlugin.Gate gate,
                                         LinkedBlockingQueue<EngineEvent.RunFinished> finished) throws InterruptedException {
        for (int tick = 1; tick <= 12; tick++) {
            clock.advance(Duration.ofSeconds(10));
            orchestrator.tick(clock.instant());
            EngineEvent.RunFinished run = finished.poll(10, TimeUnit.SECONDS);
            assertThat(run).as("fast run at %d s", tick * 10).isNotNull();
            assertThat(run.runnerId()).isEqualTo("fast_runner");
            assertThat(run.result().succeeded()).isTrue();
            awaitIdle(orchestrator, "fast_runner");
            if (tick >= 6) {
                assertThat(gate.started().await(10, TimeUnit.SECONDS)).as("classification is running").isTrue();
            }
        }

        gate.open().countDown();
        EngineEvent.RunFinished slow = finished.poll(10, TimeUnit.SECONDS);
        assertThat(slow).isNotNull();
        assertThat(slow.runnerId()).isEqualTo("classify_runner");
        assertThat(slow.result().data()).containsEntry("label", "IT");
        // the classifier runner's fire at 120 s came while it was still busy, so it was skipped, not queued
        assertThat(orchestrator.status()).extracting(RunnerStatus::id, RunnerStatus::skippedFires)
                .containsExactly(Tuple.tuple("classify_runner", 1L),
                        Tuple.tuple("fast_runner", 0L));
    }

    /** The run-finished event comes just before the runner marks itself idle; wait for that, without sleeping. */
    private static void awaitIdle(Orchestrator orchestrator, String runnerId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (orchestrator.status().stream().anyMatch(s -> s.id().equals(runnerId) && s.running() > 0)) {
            assertThat(System.nanoTime()).as("runner %s becomes idle", runnerId).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
