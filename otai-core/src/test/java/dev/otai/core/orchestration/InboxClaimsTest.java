package dev.otai.core.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How an engine in clustered mode takes stored events to its runners, with an event inbox that keeps its events in
 * this test (the PostgreSQL one is tested in the store and through real engines in the app): it claims no more than
 * a runner has room for, only for the runners it owns, and gives back what did not start when it stops.
 */
class InboxClaimsTest {

    private static final String CONFIG = """
            otai:
              orchestrator:
                shutdown_grace: PT30S
                runners:
                  - id: route
                    max_queued_events: 2
                    on: [{ id: hook, use: base:ManualTrigger }]
                    run: { id: hold, use: probe:Count, params: { gated: true } }
                  - id: elsewhere
                    on: [{ id: hook }]
                    run: { id: other, use: probe:Count }
            """;

    /** An inbox of events waiting for runner {@code route}, which records what becomes of each. */
    static final class WaitingEvents implements EventInbox {
        final ArrayDeque<Integer> pending = new ArrayDeque<>();
        final List<Integer> claimed = new CopyOnWriteArrayList<>();
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final List<Integer> released = new CopyOnWriteArrayList<>();
        final List<String> claimedFor = new CopyOnWriteArrayList<>();
        private final Semaphore stored = new Semaphore(0);

        @Override
        public boolean store(String triggerId, Map<String, Integer> bounds, Map<String, Object> event) {
            throw new AssertionError("no event is posted in this test");
        }

        @Override
        public synchronized List<Claimed> claim(String runnerId, long epoch, int room) {
            claimedFor.add(runnerId);
            var out = new ArrayList<Claimed>();
            while (out.size() < room && !pending.isEmpty()) {
                int n = pending.poll();
                claimed.add(n);
                out.add(new Waiting(n, epoch));
            }
            return out;
        }

        @Override
        public void awaitStored(Duration atMost) throws InterruptedException {
            stored.tryAcquire(atMost.toNanos(), TimeUnit.NANOSECONDS);
        }

        private final class Waiting implements Claimed {
            private final int n;
            private final long epoch;

            Waiting(int n, long epoch) {
                this.n = n;
                this.epoch = epoch;
            }

            @Override
            public String runnerId() {
                return "route";
            }

            @Override
            public String triggerId() {
                return "hook";
            }

            @Override
            public Map<String, Object> event() {
                return Map.of("n", n);
            }

            @Override
            public long epoch() {
                return epoch;
            }

            @Override
            public boolean start(String runId) {
                started.add(n);
                return true;
            }

            @Override
            public void finished() {
            }

            @Override
            public void release() {
                released.add(n);
            }
        }
    }

    /** Owns {@code route} only. */
    private static final RunnerOwnership ROUTE_ONLY = new RunnerOwnership() {
        @Override
        public boolean owns(String runnerId) {
            return runnerId.equals("route");
        }

        @Override
        public long epoch(String runnerId) {
            return owns(runnerId) ? 3 : 0;
        }
    };

    private final Probes probes = new Probes();
    private final WaitingEvents inbox = new WaitingEvents();
    private Engine engine;

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.lifecycle().requestStop();
            probes.release("hold", 100);
            engine.orchestrator().stop();
            engine.close();
        }
    }

    @Test
    void the_owner_claims_no_more_than_its_runner_has_room_for_and_gives_back_what_did_not_start_at_a_stop()
            throws InterruptedException {
        for (int n = 1; n <= 6; n++) {
            inbox.pending.add(n);
        }
        engine = Engine.start(EngineFixture.valid(CONFIG, Map.of()), EngineFixture.TEMPLATES, new FakeClock(), new Lifecycle(),
                EngineListener.NONE, Facilities.builder().add(Probes.class, probes).add(EventInbox.class, inbox)
                        .add(RunnerOwnership.class, ROUTE_ONLY));

        engine.orchestrator().start();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inbox.started.equals(List.of(1)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inbox.claimed.size() == 3);
        assertThat(inbox.claimed).as("one run and a queue of two").containsExactly(1, 2, 3);
        assertThat(inbox.claimedFor).as("only the runner it owns").containsOnly("route");

        engine.lifecycle().requestStop();
        Thread stopping = Thread.ofVirtual().start(() -> {
            try {
                engine.orchestrator().stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inbox.released.size() == 2);
        probes.release("hold", 1);
        assertThat(stopping.join(Duration.ofSeconds(30))).isTrue();

        assertThat(inbox.released).containsExactly(2, 3);
        assertThat(inbox.started).containsExactly(1);
        assertThat(inbox.pending).containsExactly(4, 5, 6);
        assertThat(probes.runs("hold")).isEqualTo(1);
        engine.close();
        engine = null;
    }
}
