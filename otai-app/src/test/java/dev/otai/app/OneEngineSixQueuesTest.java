package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.process.ReapChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustered-mode desk on one engine with its embedded store, as the baseline the cluster tests compare
 * with: six runners on a slow OTOBO route every ticket with one note and never have two runs in flight, and
 * every webhook event answered 202 is noted once.
 */
@ExtendWith(ReapChildProcesses.class)
class OneEngineSixQueuesTest {

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();
    private EngineNode engine;

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.close();
        }
        fake.close();
    }

    @Test
    void one_engine_routes_every_ticket_once_never_runs_a_runner_twice_at_once_and_notes_each_accepted_event_once()
            throws Exception {
        SixQueueDesk.seed(fake, new int[] {30, 4, 4, 4, 4, 4}, List.of("node-1"));
        fake.latency("TicketSearch", Duration.ofMillis(300)).latency("TicketUpdate", Duration.ofMillis(20));
        var hookTickets = IntStream.rangeClosed(1, 10).mapToObj(i -> fake.addTicket("Hook " + i, "event " + i, SixQueueDesk.HOOK_QUEUE)).toList();
        Path config = SixQueueDesk.writeConfig(dir, fake);
        var environment = new HashMap<>(SixQueueDesk.agent("node-1"));
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__DATA_DIR", dir.resolve("node-1-data").toString());

        engine = EngineNode.start("node-1", config, dir.resolve("node-1.log"), environment);
        engine.awaitReady();
        for (String ticket : hookTickets) {
            assertThat(engine.postEvent("otobo_events", "TicketCreate", ticket).status()).as(engine.log()).isEqualTo(202);
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> SixQueueDesk.unnoted(fake) == 0 && hookTickets.stream().allMatch(this::noted));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> IntStream.rangeClosed(1, SixQueueDesk.RUNNERS)
                .allMatch(q -> fake.activity().searches().stream().filter(s -> s.queue().equals(SixQueueDesk.queue(q))).count() >= 3));
        assertThat(engine.stop()).as(engine.log()).isZero();

        assertThat(SixQueueDesk.notRoutedOnce(fake)).isEmpty();
        assertThat(hookTickets).allSatisfy(id -> assertThat(fake.ticket(id).addedArticles()).as("notes of ticket %s", id)
                .extracting(a -> a.body()).containsExactly("Event for ticket " + id));
        assertThat(fake.activity().overlaps()).as("moments two runs of a runner were in flight").isEmpty();
        assertThat(fake.activity().writes()).allSatisfy(write -> assertThat(write.login()).isEqualTo(SixQueueDesk.agentOf("node-1")));
    }

    private boolean noted(String ticketId) {
        return !fake.ticket(ticketId).addedArticles().isEmpty();
    }
}
