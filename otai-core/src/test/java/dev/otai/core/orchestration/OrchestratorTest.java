package dev.otai.core.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
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

    private Engine engine;
    private Orchestrator orchestrator;
    private final List<Runnable> detach = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        detach.forEach(Runnable::run);
        if (engine != null) {
            engine.lifecycle().requestStop();
            orchestrator.stop();
            engine.close();
        }
    }

    private Orchestrator start(String yaml) {
        engine = EngineFixture.start(yaml, clock, events, probes);
        orchestrator = engine.orchestrator();
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
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
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

    @Test
    void a_run_deaf_to_its_cancellation_keeps_the_runner_busy_so_the_next_fire_is_skipped_not_run_beside_it()
            throws Exception {
        ListAppender<ILoggingEvent> logs = capture(RunnerRuntime.class);
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: deaf
                        timeout: PT0.05S
                        on: [{ id: minutely, use: base:IntervalTrigger, params: { minutes: 1 } }]
                        run: { id: work, use: "probe:Deaf" }
                """);
        orchestrator.tick(clock.advance(Duration.ofMinutes(1)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.finished("deaf").size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> warnings(logs).anyMatch(m -> m.contains("ignored its cancellation")));

        orchestrator.tick(clock.advance(Duration.ofMinutes(1)));

        assertThat(events.finished("deaf")).singleElement()
                .satisfies(e -> assertThat(e.result().message()).isEqualTo("timed out after 50ms and was cancelled"));
        assertThat(events.of(EngineEvent.FireSkipped.class)).singleElement()
                .satisfies(e -> assertThat(e.runnerId()).isEqualTo("deaf"));
        assertThat(orchestrator.status()).singleElement().satisfies(s -> assertThat(s.running()).isEqualTo(1));
        assertThat(warnings(logs)).anySatisfy(m -> assertThat(m).matches(
                "Run \\w{8} of runner 'deaf' ignored its cancellation and is still running; the runner starts no new run until it ends"));

        probes.release("work", 1);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        orchestrator.tick(clock.advance(Duration.ofMinutes(1)));
        probes.release("work", 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> probes.runs("work") == 2);
        assertThat(probes.maxActive("work")).as("never two runs at once").isEqualTo(1);
    }

    @Test
    void a_retry_that_falls_due_while_its_runner_is_still_busy_waits_for_it_instead_of_being_skipped() throws Exception {
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: deaf
                        timeout: PT0.05S
                        retry: { attempts: 2, initial_delay: PT0S }
                        on: [{ id: minutely, use: base:IntervalTrigger, params: { minutes: 1 } }]
                        run: { id: work, use: "probe:Deaf" }
                """);
        orchestrator.tick(clock.advance(Duration.ofMinutes(1)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.finished("deaf").size() == 1);

        orchestrator.tick(clock.instant()); // the retry is due now; the first attempt still holds the runner

        assertThat(events.of(EngineEvent.FireSkipped.class)).isEmpty();
        probes.release("work", 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.finished("deaf").size() == 2);
        probes.release("work", 1);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events.finished("deaf")).extracting(EngineEvent.RunFinished::attempt).containsExactly(1, 2);
        assertThat(probes.maxActive("work")).as("never two runs at once").isEqualTo(1);
    }

    @Test
    void a_stop_whose_grace_runs_out_cancels_the_run_in_flight_warns_and_returns() throws Exception {
        ListAppender<ILoggingEvent> logs = capture(Orchestrator.class);
        engine = EngineFixture.start("""
                otai:
                  orchestrator:
                    shutdown_grace: PT0.1S
                    runners:
                      - id: stuck
                        run: { id: hang, use: "probe:Hang" }
                """, clock, events, probes);
        orchestrator = engine.orchestrator();
        Thread loop = Thread.ofVirtual().start(() -> {
            try {
                orchestrator.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.of(EngineEvent.RunStarted.class).size() == 1);

        engine.lifecycle().requestStop();

        assertThat(loop.join(Duration.ofSeconds(30))).as("the orchestrator returned").isTrue();
        assertThat(probes.interrupted.get()).as("the hanging run was interrupted").isEqualTo(1);
        assertThat(events.finished("stuck")).singleElement()
                .satisfies(e -> assertThat(e.result().message()).isEqualTo("interrupted"));
        assertThat(warnings(logs)).containsExactly("Stopping: runs still in flight after the 100ms grace period are cancelled");
        assertThat(logs.list).last().satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo("Orchestrator stopped"));
    }

    private static Stream<String> warnings(ListAppender<ILoggingEvent> logs) {
        return List.copyOf(logs.list).stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage);
    }

    private ListAppender<ILoggingEvent> capture(Class<?> type) {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(type);
        logger.addAppender(appender);
        detach.add(() -> logger.detachAppender(appender));
        return appender;
    }
}
