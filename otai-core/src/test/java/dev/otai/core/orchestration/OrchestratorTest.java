package dev.otai.core.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.RecordingListener;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OrchestratorTest {

    private final FakeClock clock = new FakeClock();
    private final Probes probes = new Probes();
    private final RecordingListener events = new RecordingListener();

    private static final String SEED = """
            otai:
              orchestrator:
                runners:
                  - id: task_one
                    on:
                      - id: shared_timer
                        use: "open_ticket_ai.base.triggers.interval_trigger:IntervalTrigger"
                        params: { minutes: 10 }
                    run: { id: one, use: "probe:Count" }
                  - id: task_two
                    on:
                      - id: shared_timer
                    run: { id: two, use: "probe:Count" }
                  - id: lookalike
                    on:
                      - id: other_timer
                        use: "otai_base:IntervalTrigger"
                        params: { minutes: 10 }
                    run: { id: three, use: "probe:Count" }
                  - id: initialization
                    run: { id: warmup, use: "probe:Count" }
            """;

    private Orchestrator start(String yaml) {
        Engine engine = EngineFixture.start(yaml, clock, events, probes);
        Orchestrator orchestrator = EngineFixture.orchestrator(engine, clock, events);
        orchestrator.start();
        return orchestrator;
    }

    private void tickAfter(Orchestrator orchestrator, Duration step) throws InterruptedException {
        orchestrator.tick(clock.advance(step));
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void runner_without_triggers_runs_once_at_startup_and_timed_runners_wait_one_interval() throws Exception {
        Orchestrator orchestrator = start(SEED);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(probes.runs("warmup")).isEqualTo(1);
        assertThat(probes.runs("one")).isZero();

        tickAfter(orchestrator, Duration.ofMinutes(9));
        assertThat(probes.runs("one")).isZero();
        tickAfter(orchestrator, Duration.ofMinutes(1));
        assertThat(probes.runs("one")).isEqualTo(1);
        assertThat(probes.runs("warmup")).isEqualTo(1);
    }

    @Test
    void fire_at_start_fires_once_when_the_orchestrator_starts_then_keeps_the_interval() throws Exception {
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: eager
                        on: [{ id: hourly, use: base:IntervalTrigger, params: { interval: "1:00:00", fire_at_start: true } }]
                        run: { id: work, use: "probe:Count" }
                """);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(probes.runs("work")).isEqualTo(1);
        tickAfter(orchestrator, Duration.ofMinutes(59));
        assertThat(probes.runs("work")).isEqualTo(1);
        tickAfter(orchestrator, Duration.ofMinutes(1));
        assertThat(probes.runs("work")).isEqualTo(2);
    }

    @Test
    void shared_trigger_notifies_every_runner_that_names_it() throws Exception {
        Orchestrator orchestrator = start(SEED);
        for (int i = 0; i < 5; i++) {
            tickAfter(orchestrator, Duration.ofMinutes(10));
        }
        assertThat(probes.runs("one")).isEqualTo(5);
        assertThat(probes.runs("two")).isEqualTo(5);
        assertThat(events.of(EngineEvent.TriggerFired.class)).filteredOn(e -> e.triggerId().equals("shared_timer")).hasSize(5);
    }

    @Test
    void identical_triggers_defined_separately_each_fire_their_own_runner() throws Exception {
        Orchestrator orchestrator = start(SEED);
        for (int i = 0; i < 3; i++) {
            tickAfter(orchestrator, Duration.ofMinutes(10));
        }
        assertThat(probes.runs("three")).isEqualTo(3);
        assertThat(probes.runs("one")).isEqualTo(3);
    }

    @Test
    void schedule_is_fixed_rate_and_missed_fires_are_coalesced() throws Exception {
        Orchestrator orchestrator = start(SEED);
        Instant started = clock.instant();
        tickAfter(orchestrator, Duration.ofMinutes(10).plusSeconds(7));
        // the next fire stays on the grid started + k * 10 min, whatever the tick lateness
        assertThat(orchestrator.tick(clock.instant())).contains(started.plus(Duration.ofMinutes(20)));
        tickAfter(orchestrator, Duration.ofMinutes(55));
        assertThat(probes.runs("one")).as("five missed periods fire once").isEqualTo(2);
        assertThat(orchestrator.tick(clock.instant())).contains(started.plus(Duration.ofMinutes(70)));
    }

    @Test
    void busy_runner_skips_fires_counts_them_and_warns_once() throws Exception {
        ListAppender<ILoggingEvent> logs = capture(RunnerRuntime.class);
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: slow
                        on: [{ id: fast, use: base:IntervalTrigger, params: { milliseconds: 10 } }]
                        run: { id: work, use: "probe:Count", params: { gated: true } }
                """);
        for (int i = 0; i < 5; i++) {
            orchestrator.tick(clock.advance(Duration.ofMillis(10)));
        }
        probes.release("work", 1);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(probes.runs("work")).isEqualTo(1);
        assertThat(probes.maxActive("work")).isEqualTo(1);
        assertThat(orchestrator.status()).singleElement().satisfies(s -> assertThat(s.skippedFires()).isEqualTo(4));
        assertThat(events.of(EngineEvent.FireSkipped.class)).hasSize(4);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("Runner 'slow' is still running"));
    }

    @Test
    void run_past_its_timeout_is_cancelled_and_recorded_as_failed() throws Exception {
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: stuck
                        timeout: PT0.05S
                        run: { id: hang, use: "probe:Hang" }
                """);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events.finished("stuck")).singleElement().satisfies(e -> {
            assertThat(e.result().failed()).isTrue();
            assertThat(e.result().message()).contains("timed out after 50ms");
        });
        Awaitility.await().untilAsserted(() -> assertThat(probes.interrupted.get()).isEqualTo(1));
    }

    @Test
    void failed_run_is_retried_with_backoff_from_the_schedule() throws Exception {
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: flaky
                        retry: { attempts: 3, initial_delay: PT10S, factor: 2 }
                        run: { id: boom, use: "probe:Throw" }
                """);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events.finished("flaky")).hasSize(1);
        tickAfter(orchestrator, Duration.ofSeconds(9));
        assertThat(events.finished("flaky")).hasSize(1);
        tickAfter(orchestrator, Duration.ofSeconds(1));
        assertThat(events.finished("flaky")).hasSize(2);
        tickAfter(orchestrator, Duration.ofSeconds(20));
        assertThat(events.finished("flaky")).extracting(EngineEvent.RunFinished::attempt).containsExactly(1, 2, 3);
        tickAfter(orchestrator, Duration.ofMinutes(10));
        assertThat(events.finished("flaky")).hasSize(3);
    }

    static ListAppender<ILoggingEvent> capture(Class<?> type) {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    @SuppressWarnings("unused")
    private static List<String> ids(List<EngineEvent.RunFinished> finished) {
        return finished.stream().map(EngineEvent.RunFinished::runnerId).toList();
    }
}
