package dev.otai.core.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.RecordingListener;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An engine in a cluster runs only the runners whose lease it holds (a fake ownership here, set by the test). */
class OwnedRunnersTest {

    private static final String TWO_ON_ONE_TIMER = """
            otai:
              orchestrator:
                runners:
                  - id: mine
                    on: [{ id: timer, use: base:IntervalTrigger, params: { minutes: 10 } }]
                    run: { id: one, use: "probe:Count" }
                  - id: theirs
                    on: [{ id: timer }]
                    run: { id: two, use: "probe:Count" }
            """;

    private final FakeClock clock = new FakeClock();
    private final Probes probes = new Probes();
    private final RecordingListener events = new RecordingListener();
    private final Leases leases = new Leases();
    private Engine engine;

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.lifecycle().requestStop();
            engine.orchestrator().stop();
            engine.close();
        }
    }

    @Test
    void a_timer_fires_on_every_node_but_only_the_runner_this_node_owns_runs_and_the_other_is_not_counted_as_skipped()
            throws Exception {
        leases.hold("mine", 1);
        Orchestrator orchestrator = start(TWO_ON_ONE_TIMER);

        tickAfter(orchestrator, Duration.ofMinutes(10));

        assertThat(probes.runs("one")).isEqualTo(1);
        assertThat(probes.runs("two")).isZero();
        assertThat(events.of(EngineEvent.FireSkipped.class)).isEmpty();
        assertThat(orchestrator.status()).filteredOn(s -> s.id().equals("theirs")).singleElement()
                .satisfies(s -> assertThat(s.skippedFires()).isZero());
    }

    @Test
    void a_runner_this_node_gains_runs_from_its_next_fire_and_one_it_loses_stops_running() throws Exception {
        leases.hold("mine", 1);
        Orchestrator orchestrator = start(TWO_ON_ONE_TIMER);
        tickAfter(orchestrator, Duration.ofMinutes(10));

        leases.hold("theirs", 4);
        leases.lose("mine");
        tickAfter(orchestrator, Duration.ofMinutes(10));

        assertThat(probes.runs("one")).isEqualTo(1);
        assertThat(probes.runs("two")).isEqualTo(1);
    }

    @Test
    void a_run_that_fails_after_its_node_lost_the_lease_ends_lease_lost_and_is_not_retried_here() throws Exception {
        leases.hold("flaky", 1);
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: flaky
                        retry: { attempts: 3, initial_delay: PT10S }
                        run:
                          id: steps
                          use: base:CompositePipe
                          steps:
                            - { id: wait, use: "probe:Count", params: { gated: true } }
                            - { id: boom, use: "probe:Throw" }
                """);
        Awaitility.await().until(() -> probes.active.containsKey("wait"));
        leases.lose("flaky"); // another node takes the runner while the run waits
        leases.hold("flaky", 2);
        probes.release("wait", 1);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        tickAfter(orchestrator, Duration.ofMinutes(1));

        assertThat(events.finished("flaky")).singleElement().satisfies(run -> {
            assertThat(run.result().message()).startsWith("lease lost: runner 'flaky' (epoch 1) is now owned by another node");
            assertThat(LeaseLost.in(((dev.otai.api.PipeResult.Failed) run.result()).cause())).isTrue();
        });
    }

    @Test
    void a_run_that_ends_without_failing_after_its_node_lost_the_lease_still_ends_lease_lost_for_the_new_owner_to_resume()
            throws Exception {
        leases.hold("router", 1);
        Orchestrator orchestrator = start("""
                otai:
                  orchestrator:
                    runners:
                      - id: router
                        run:
                          id: steps
                          use: base:CompositePipe
                          steps:
                            - { id: wait, use: "probe:Count", params: { gated: true } }
                            - { id: after, use: "probe:Count" }
                """);
        Awaitility.await().until(() -> probes.active.containsKey("wait"));
        leases.lose("router"); // a for-each whose items' writes were refused ends without failing, as here
        leases.hold("router", 2);
        probes.release("wait", 1);
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(events.finished("router")).singleElement().satisfies(run -> {
            assertThat(run.result().message()).startsWith("lease lost: runner 'router' (epoch 1) is now owned by another node");
            assertThat(LeaseLost.in(((dev.otai.api.PipeResult.Failed) run.result()).cause())).isTrue();
        });
    }

    private Orchestrator start(String yaml) {
        engine = Engine.start(EngineFixture.valid(yaml, Map.of()), EngineFixture.TEMPLATES, clock, new Lifecycle(), events,
                Facilities.builder().add(Probes.class, probes).add(RunnerOwnership.class, leases));
        engine.orchestrator().start();
        return engine.orchestrator();
    }

    private void tickAfter(Orchestrator orchestrator, Duration step) throws InterruptedException {
        orchestrator.tick(clock.advance(step));
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    /** The leases this node holds, by runner, with their epochs. */
    private static final class Leases implements RunnerOwnership {
        private final Map<String, Long> held = new ConcurrentHashMap<>();

        void hold(String runnerId, long epoch) {
            held.put(runnerId, epoch);
        }

        void lose(String runnerId) {
            held.remove(runnerId);
        }

        @Override
        public boolean owns(String runnerId) {
            return held.containsKey(runnerId);
        }

        @Override
        public long epoch(String runnerId) {
            return held.getOrDefault(runnerId, 0L);
        }
    }
}
