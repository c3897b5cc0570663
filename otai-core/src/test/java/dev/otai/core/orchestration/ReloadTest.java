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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Reloading a running engine's config: the diff by runner id and definition, and the swap, on a fake clock. */
class ReloadTest {

    private final FakeClock clock = new FakeClock();
    private final Probes probes = new Probes();
    private final RecordingListener events = new RecordingListener();
    private Engine engine;
    private Orchestrator orchestrator;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger runtimeLog = (Logger) LoggerFactory.getLogger(RunnerRuntime.class);

    @BeforeEach
    void listen() {
        logged.start();
        runtimeLog.addAppender(logged);
    }

    @AfterEach
    void stop() throws InterruptedException {
        runtimeLog.detachAppender(logged);
        if (engine != null) {
            probes.gates.values().forEach(gate -> gate.release(100));
            engine.lifecycle().requestStop();
            orchestrator.stop();
            engine.close();
        }
    }

    private static String twoTimers(String secondInterval) {
        return """
                otai:
                  orchestrator:
                    runners:
                      - id: steady
                        on: [{ id: every_ten, use: base:IntervalTrigger, params: { minutes: 10 } }]
                        run: { id: steady_work, use: "probe:Count" }
                      - id: tuned
                        on: [{ id: tuned_timer, use: base:IntervalTrigger, params: { minutes: %s } }]
                        run: { id: tuned_work, use: "probe:Count" }
                """.formatted(secondInterval);
    }

    private void start(String yaml) {
        engine = EngineFixture.start(yaml, clock, events, probes);
        orchestrator = engine.orchestrator();
        orchestrator.start();
    }

    /** Reloads and lets the orchestrator apply it at its next tick, as its loop does. */
    private Engine.Reloaded reload(String yaml) throws Exception {
        CompletableFuture<Engine.Reloaded> reloaded = engine.reload(EngineFixture.valid(yaml, Map.of()));
        orchestrator.tick(clock.instant());
        return reloaded.get(10, TimeUnit.SECONDS);
    }

    private void tickAfter(Duration step) throws InterruptedException {
        orchestrator.tick(clock.advance(step));
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void an_unchanged_runner_keeps_its_schedule_and_a_changed_one_starts_on_its_new_definition() throws Exception {
        start(twoTimers("10"));
        tickAfter(Duration.ofMinutes(6));

        Engine.Reloaded reloaded = reload(twoTimers("2"));

        assertThat(reloaded.runners().kept()).containsExactly("steady");
        assertThat(reloaded.runners().changed()).containsExactly("tuned");
        assertThat(reloaded.needRestart()).isEmpty();
        tickAfter(Duration.ofMinutes(2)); // minute 8: the new two-minute timer, started at minute 6
        assertThat(probes.runs("tuned_work")).isEqualTo(1);
        assertThat(probes.runs("steady_work")).isZero();
        tickAfter(Duration.ofMinutes(2)); // minute 10: the kept timer's first fire, on its old grid
        assertThat(probes.runs("steady_work")).isEqualTo(1);
        assertThat(probes.runs("tuned_work")).isEqualTo(2);
    }

    @Test
    void reloading_the_same_config_keeps_every_runner_and_its_runtime() throws Exception {
        start(twoTimers("10"));

        Engine.Reloaded reloaded = reload(twoTimers("10"));

        assertThat(reloaded.runners().kept()).containsExactly("steady", "tuned");
        assertThat(reloaded.runners().changed()).isEmpty();
        assertThat(reloaded.runners().added()).isEmpty();
        assertThat(reloaded.runners().removed()).isEmpty();
        tickAfter(Duration.ofMinutes(10));
        assertThat(probes.runs("steady_work")).isEqualTo(1);
        assertThat(probes.runs("tuned_work")).isEqualTo(1);
    }

    @Test
    void removing_a_runner_above_another_leaves_the_other_unchanged_though_its_place_in_the_file_moved() throws Exception {
        start(twoTimers("10"));
        String withoutSteady = twoTimers("10").replaceAll("(?s)      - id: steady.*?(      - id: tuned)", "$1");

        Engine.Reloaded reloaded = reload(withoutSteady);

        assertThat(reloaded.runners().kept()).containsExactly("tuned");
        assertThat(reloaded.runners().removed()).containsExactly("steady");
        tickAfter(Duration.ofMinutes(10));
        assertThat(probes.runs("tuned_work")).isEqualTo(1);
        assertThat(probes.runs("steady_work")).isZero();
    }

    private static String gated(String timeout) {
        return """
                otai:
                  orchestrator:
                    runners:
                      - id: slow
                        timeout: %s
                        on: [{ id: kick, use: base:ManualTrigger }]
                        run: { id: work, use: "probe:Count", params: { gated: true } }
                """.formatted(timeout);
    }

    @Test
    void a_changed_runner_is_swapped_only_after_its_in_flight_run_ends_so_old_and_new_never_overlap() throws Exception {
        start(gated("PT1H"));
        orchestrator.deliver("kick", Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> probes.active.containsKey("work")
                && probes.active.get("work").get() == 1);

        Engine.Reloaded reloaded = reload(gated("PT2H"));
        orchestrator.deliver("kick", Map.of()); // an event for the new definition, while the old run is in flight

        assertThat(reloaded.runners().changed()).containsExactly("slow");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logged.list.stream().anyMatch(e -> e.getFormattedMessage()
                .equals("Runner 'slow' starts its run under the reloaded config once the run under the previous one has ended")));
        assertThat(probes.active.get("work").get()).as("only the old run is in its pipe").isEqualTo(1);
        probes.release("work", 2);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(probes.runs("work")).as("the old run and the event's run both ran").isEqualTo(2);
        assertThat(probes.maxActive("work")).as("never two runs of the runner at once").isEqualTo(1);
        assertThat(events.finished("slow")).hasSize(2).allSatisfy(f -> assertThat(f.result().succeeded()).isTrue());
    }

    @Test
    void a_removed_runner_finishes_its_in_flight_run_and_then_takes_no_more_fires() throws Exception {
        start(gated("PT1H"));
        orchestrator.deliver("kick", Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> probes.active.containsKey("work")
                && probes.active.get("work").get() == 1);

        Engine.Reloaded reloaded = reload(twoTimers("10"));

        assertThat(reloaded.runners().removed()).containsExactly("slow");
        assertThat(reloaded.runners().added()).containsExactly("steady", "tuned");
        assertThat(orchestrator.status()).extracting(RunnerStatus::id).containsExactly("steady", "tuned");
        assertThat(orchestrator.deliver("kick", Map.of())).isEqualTo(EventDelivery.Outcome.NO_RUNNER);
        probes.release("work", 1);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events.finished("slow")).singleElement().satisfies(f -> assertThat(f.result().succeeded()).isTrue());
        assertThat(probes.runs("work")).isEqualTo(1);
    }

    private static String desk(String tickets) {
        return """
                otai:
                  services:
                    desk: { use: "testkit:InMemoryTicketSystem", params: { tickets: %s } }
                    other: { use: "testkit:InMemoryTicketSystem" }
                  orchestrator:
                    runners:
                      - id: noter
                        on: [{ id: hourly, use: base:IntervalTrigger, params: { hours: 1 } }]
                        run: { id: note, use: base:AddNotePipe, injects: { ticket_system: desk }, params: { ticket_id: "1", note: "hi" } }
                      - id: bystander
                        on: [{ id: daily, use: base:IntervalTrigger, params: { days: 1 } }]
                        run: { id: other_note, use: base:AddNotePipe, injects: { ticket_system: other }, params: { ticket_id: "1", note: "x" } }
                """.formatted(tickets);
    }

    @Test
    void a_changed_service_changes_every_runner_using_it_and_unchanged_services_are_kept_as_they_are() throws Exception {
        start(desk("[{ id: \"1\", title: t, body: b, queue: Q }]"));
        Object desk = engine.assembly().services().get("desk");
        Object other = engine.assembly().services().get("other");

        Engine.Reloaded reloaded = reload(desk("[{ id: \"1\", title: t, body: b, queue: Other }]"));

        assertThat(reloaded.runners().changed()).containsExactly("noter");
        assertThat(reloaded.runners().kept()).containsExactly("bystander");
        assertThat(engine.assembly().services().get("other")).isSameAs(other);
        assertThat(engine.assembly().services().get("desk")).isNotSameAs(desk);
    }

    @Test
    void a_changed_storage_or_http_section_is_reported_as_needing_a_restart_and_the_runners_still_reload() throws Exception {
        start(twoTimers("10"));

        Engine.Reloaded reloaded = reload("""
                otai:
                  infrastructure:
                    http: { port: 18080 }
                """ + twoTimers("5").substring("otai:\n".length()));

        assertThat(reloaded.needRestart()).containsExactly("infrastructure.http");
        assertThat(reloaded.runners().changed()).containsExactly("tuned");
    }
}
