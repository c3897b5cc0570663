package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.PostgresServer;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.process.ReapChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real engines in clustered mode restarted one at a time (SIGTERM, wait for the exit, start again) while
 * OTOBO's webhook events keep arriving at whichever engine answers: before a stop, while an engine drains its runs
 * and refuses new events, while it starts again. Every event answered 202, by any engine, is run exactly once:
 * its ticket gets exactly one note, whichever engine owned the webhook runner at the time.
 */
@ExtendWith(ReapChildProcesses.class)
class ThreeNodeRollingRestartTest {

    private static final int NODES = 3;
    private static final int EVENTS_PER_PHASE = 8;
    private static final String TRIGGER = "otobo_events";

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();
    private EngineCluster cluster;
    private final List<String> hookTickets = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private int next;
    private int turn;

    @AfterEach
    void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
        fake.close();
    }

    @Test
    void a_rolling_restart_under_a_stream_of_webhook_events_loses_none_and_runs_none_twice() throws Exception {
        var database = PostgresServer.shared().freshDatabase();
        var agents = IntStream.rangeClosed(1, NODES).mapToObj(i -> "node-" + i).toList();
        SixQueueDesk.seed(fake, new int[] {6, 6, 6, 6, 6, 6}, agents);
        fake.latency("TicketSearch", Duration.ofMillis(100)).latency("TicketUpdate", Duration.ofMillis(30));
        int events = EVENTS_PER_PHASE * (3 * NODES + 1);
        IntStream.rangeClosed(1, events).forEach(i -> hookTickets.add(fake.addTicket("Hook " + i, "event " + i, SixQueueDesk.HOOK_QUEUE)));
        cluster = new EngineCluster(dir, SixQueueDesk.writeConfig(dir, fake), database);
        cluster.startAll(NODES);

        for (String name : agents) {
            sendEvents(cluster.running());
            EngineNode leaving = cluster.node(name);
            var exit = CompletableFuture.supplyAsync(() -> stop(leaving));
            sendEvents(cluster.running()); // the leaving engine answers 503 while it drains, then refuses connections
            assertThat(exit.join()).as("exit code of %s; logs:%s", name, cluster.logs()).isZero();
            EngineNode back = cluster.start(name);
            sendEvents(List.of(back, cluster.node(other(name, 1)), cluster.node(other(name, 2))));
            back.awaitReady();
        }
        sendEvents(cluster.running());

        assertThat(accepted).as("events answered 202").hasSize(events);
        cluster.await("every accepted event noted", Duration.ofSeconds(60),
                () -> accepted.stream().allMatch(id -> !fake.ticket(id).addedArticles().isEmpty()));
        cluster.await("every ticket routed", Duration.ofSeconds(30), () -> SixQueueDesk.unnoted(fake) == 0);
        assertThat(accepted).allSatisfy(id -> assertThat(fake.ticket(id).addedArticles()).as("notes of event ticket %s; logs:%s", id, cluster.logs())
                .extracting(a -> a.body()).containsExactly("Event for ticket " + id));
        assertThat(SixQueueDesk.notRoutedOnce(fake)).isEmpty();
        assertThat(fake.activity().overlaps()).as("moments two runs of one runner were in flight").isEmpty();
    }

    /** Sends the next events, each to the engines in turn until one answers 202 (at most 60 tries each). */
    private void sendEvents(List<EngineNode> engines) {
        for (int i = 0; i < EVENTS_PER_PHASE; i++) {
            String ticket = hookTickets.get(next++);
            var answers = new ArrayList<String>();
            for (int attempt = 0; attempt < 60 && !accepted.contains(ticket); attempt++) {
                EngineNode engine = engines.get(turn++ % engines.size());
                if (!engine.listening()) {
                    answers.add(engine.name() + ": not listening yet");
                    continue;
                }
                var answer = engine.postEvent(TRIGGER, "TicketCreate", ticket);
                if (answer.status() == 202) {
                    accepted.add(ticket);
                } else {
                    answers.add(engine.name() + ": " + answer.status());
                }
            }
            assertThat(accepted).as("event for ticket %s was refused: %s", ticket, answers).contains(ticket);
        }
    }

    private static int stop(EngineNode engine) {
        try {
            return engine.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String other(String name, int offset) {
        int index = Integer.parseInt(name.substring("node-".length()));
        return "node-" + ((index - 1 + offset) % NODES + 1);
    }
}
