package dev.otai.core.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.RecordingListener;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@code otai run --once} runs each runner through the same runtime as the orchestrator: timeout, retries, events. */
class RunOnceTest {

    private final FakeClock clock = new FakeClock();
    private final Probes probes = new Probes();
    private final RecordingListener events = new RecordingListener();

    @Test
    void once_cancels_a_run_past_its_timeout_and_names_the_timeout() {
        try (Engine engine = EngineFixture.start("""
                otai:
                  orchestrator:
                    runners:
                      - id: stuck
                        timeout: PT0.05S
                        run: { id: hang, use: "probe:Hang" }
                      - id: after
                        run: { id: next, use: "probe:Count" }
                """, clock, events, probes)) {
            List<RunnerOutcome> outcomes = engine.runOnce();

            assertThat(outcomes).extracting(RunnerOutcome::runnerId).containsExactly("stuck", "after");
            assertThat(outcomes.getFirst().result().failed()).isTrue();
            assertThat(outcomes.getFirst().result().message()).isEqualTo("timed out after 50ms and was cancelled");
            assertThat(probes.interrupted.get()).as("the hanging pipe was interrupted before --once moved on").isEqualTo(1);
            assertThat(outcomes.get(1).result().succeeded()).isTrue();
            assertThat(probes.runs("next")).isEqualTo(1);
        }
    }

    @Test
    void once_retries_a_failed_run_per_its_policy_before_the_next_runner() {
        try (Engine engine = EngineFixture.start("""
                otai:
                  orchestrator:
                    runners:
                      - id: flaky
                        retry: { attempts: 3, initial_delay: PT0S }
                        run: { id: boom, use: "probe:Throw" }
                      - id: after
                        run: { id: next, use: "probe:Count" }
                """, clock, events, probes)) {
            List<RunnerOutcome> outcomes = engine.runOnce();

            assertThat(events.finished("flaky")).extracting(EngineEvent.RunFinished::attempt).containsExactly(1, 2, 3);
            assertThat(events.finished("flaky")).extracting(EngineEvent.RunFinished::triggerId).containsOnly("once");
            assertThat(outcomes).extracting(RunnerOutcome::runnerId).containsExactly("flaky", "after");
            assertThat(outcomes.getFirst().result().failed()).isTrue();
            assertThat(outcomes.getFirst().result().message()).contains("probe failure");
            assertThat(probes.runs("next")).isEqualTo(1);
        }
    }

    @Test
    void once_runs_a_runner_without_retries_exactly_once_with_the_once_trigger() {
        try (Engine engine = EngineFixture.start("""
                otai:
                  orchestrator:
                    runners:
                      - id: timed
                        on: { id: every_minute, use: "base:IntervalTrigger", params: { interval: "PT1M" } }
                        run: { id: work, use: "probe:Count" }
                """, clock, events, probes)) {
            List<RunnerOutcome> outcomes = engine.runOnce();

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.result().succeeded()).isTrue());
            assertThat(events.of(EngineEvent.RunStarted.class)).extracting(EngineEvent.RunStarted::triggerId)
                    .containsExactly("once");
            assertThat(probes.runs("work")).isEqualTo(1);
        }
    }

    @Test
    void once_and_the_orchestrator_share_one_runtime_per_runner_so_a_busy_runner_is_never_run_twice_at_once()
            throws Exception {
        try (Engine engine = EngineFixture.start("""
                otai:
                  orchestrator:
                    runners:
                      - id: slow
                        on: { id: every_minute, use: "base:IntervalTrigger", params: { interval: "PT1M" } }
                        run: { id: work, use: "probe:Count", params: { gated: true } }
                """, clock, events, probes)) {
            Orchestrator orchestrator = engine.orchestrator();
            orchestrator.start();
            orchestrator.tick(clock.advance(Duration.ofMinutes(1)));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.of(EngineEvent.RunStarted.class).size() == 1);

            Thread once = Thread.ofVirtual().start(engine::runOnce);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.of(EngineEvent.FireSkipped.class).size() == 1);
            probes.release("work", 1);

            assertThat(once.join(Duration.ofSeconds(10))).as("--once returned").isTrue();
            assertThat(events.of(EngineEvent.FireSkipped.class)).singleElement()
                    .satisfies(e -> assertThat(e.triggerId()).isEqualTo("once"));
            assertThat(orchestrator.status()).singleElement().satisfies(s -> assertThat(s.skippedFires()).isEqualTo(1));
            assertThat(probes.runs("work")).isEqualTo(1);
            assertThat(probes.maxActive("work")).isEqualTo(1);
            engine.lifecycle().requestStop();
            orchestrator.stop();
        }
    }
}
