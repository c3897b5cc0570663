package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.PostgresServer;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.process.ReapChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real engines in clustered mode on one PostgreSQL database and one slow OTOBO: six runners, each fetching
 * its own queue, the first with many more tickets than the others. The engine that runs the busy runner dies
 * (SIGKILL), freezes past its lease (SIGSTOP) or loses the database (a cut relay) in the middle of a run; another
 * engine takes the runner over and finishes the interrupted run from the run journal. The fake sees every ticket
 * routed with exactly one note, never two runs of one runner in flight at once, and no write from the lost engine
 * once another took over.
 */
@ExtendWith(ReapChildProcesses.class)
class ThreeNodeFailoverTest {

    private static final int BUSY_TICKETS = 160;
    private static final int[] TICKETS = {BUSY_TICKETS, 6, 6, 6, 6, 6};
    private static final String BUSY_QUEUE = SixQueueDesk.queue(1);
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();
    private EngineCluster cluster;

    @BeforeEach
    void startCluster() throws Exception {
        var database = PostgresServer.shared().freshDatabase();
        SixQueueDesk.seed(fake, TICKETS, List.of("node-1", "node-2", "node-3"));
        fake.latency("TicketSearch", Duration.ofMillis(300)).latency("TicketUpdate", Duration.ofMillis(50));
        cluster = new EngineCluster(dir, SixQueueDesk.writeConfig(dir, fake), database);
        cluster.startAll(3);
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
        fake.close();
    }

    @Test
    void when_the_owner_of_the_busiest_runner_is_killed_mid_run_another_engine_finishes_the_run_within_20_seconds()
            throws Exception {
        EngineNode owner = midRunOwnerOfTheBusyRunner();

        Instant killed = Instant.now();
        owner.kill();

        Instant takenOver = awaitTakeover(owner.name(), killed);
        assertThat(Duration.between(killed, takenOver)).as("failover time").isLessThanOrEqualTo(FAILOVER_LIMIT);
        awaitEveryTicketRouted();
        assertClusterInvariants();
        assertThat(firstBusyQueueAct(owner.name(), killed)).as("the new owner's first act on %s: it resumes, not searches again", BUSY_QUEUE)
                .hasValueSatisfying(first -> assertThat(first.what()).startsWith("write"));
        assertThat(cluster.logs()).contains("Resuming run").contains("of runner '" + SixQueueDesk.runner(1) + "'");
    }

    @Test
    void an_engine_frozen_past_its_lease_and_continued_writes_nothing_after_losing_it() throws Exception {
        EngineNode owner = midRunOwnerOfTheBusyRunner();

        Instant paused = Instant.now();
        owner.pause();
        Instant takenOver = awaitTakeover(owner.name(), paused);
        owner.resume(); // while the new owner is still busy with the run it resumed

        assertThat(Duration.between(paused, takenOver)).as("failover time").isLessThanOrEqualTo(FAILOVER_LIMIT);
        awaitEveryTicketRouted();
        cluster.await("the continued engine answers again", Duration.ofSeconds(30), () -> owner.health().status() == 200);
        cluster.await("the continued engine's run ends 'lease lost'", Duration.ofSeconds(30),
                () -> owner.log().contains("lease lost: runner '" + SixQueueDesk.runner(1) + "'"));
        assertThat(fake.activity().writesBy(SixQueueDesk.agentOf(owner.name()), takenOver))
                .as("writes of the frozen engine that arrived once another engine had taken its runner over").isEmpty();
        assertClusterInvariants();
        assertThat(owner.alive()).as("the continued engine keeps running").isTrue();
    }

    @Test
    void an_engine_cut_off_from_the_database_mid_run_loses_its_runners_to_the_others_and_writes_nothing_more_under_them()
            throws Exception {
        EngineNode owner = midRunOwnerOfTheBusyRunner();

        Instant cut = Instant.now();
        cluster.disconnect(owner.name());
        Instant takenOver = awaitTakeover(owner.name(), cut);

        assertThat(Duration.between(cut, takenOver)).as("failover time").isLessThanOrEqualTo(FAILOVER_LIMIT);
        awaitEveryTicketRouted();
        cluster.reconnect(owner.name());
        cluster.await("the reconnected engine owns runners again", Duration.ofSeconds(30),
                () -> owner.log().lastIndexOf("is now run by this node ('" + owner.name() + "')") > owner.log().lastIndexOf("lost its lease"));
        // a write whose durable intent was committed just before the cut still goes out, within milliseconds
        assertThat(fake.activity().writesBy(SixQueueDesk.agentOf(owner.name()), cut.plusSeconds(1)))
                .as("writes of the engine cut off the database, from a second after the cut on").isEmpty();
        assertClusterInvariants();
    }

    /**
     * Waits until the other queues are done (their runners now search empty queues) and the busy runner's run
     * has noted some of its tickets, not all; returns the engine running it.
     */
    private EngineNode midRunOwnerOfTheBusyRunner() {
        cluster.await("the small queues are routed", Duration.ofSeconds(60),
                () -> IntStream.rangeClosed(2, SixQueueDesk.RUNNERS).allMatch(q -> SixQueueDesk.noted(fake, q) == TICKETS[q - 1]));
        cluster.await("the busy runner is mid-run", Duration.ofSeconds(60), () -> SixQueueDesk.noted(fake, 1) >= 15);
        long noted = SixQueueDesk.noted(fake, 1);
        assertThat(noted).as("tickets of %s noted when the owner is hit; logs:%s", BUSY_QUEUE, cluster.logs())
                .isLessThan(BUSY_TICKETS - 20);
        String owner = fake.activity().lastSearcher(BUSY_QUEUE).orElseThrow();
        return cluster.node(SixQueueDesk.engineOf(owner));
    }

    /** A search or a write of the busy queue's tickets by an engine. */
    private record Act(Instant at, String what) {
    }

    /** Waits until another engine searches or writes a ticket of the busy queue after {@code since}; returns when. */
    private Instant awaitTakeover(String lost, Instant since) {
        cluster.await("another engine takes the busy runner over", FAILOVER_LIMIT.plusSeconds(10),
                () -> firstBusyQueueAct(lost, since).isPresent());
        return firstBusyQueueAct(lost, since).orElseThrow().at();
    }

    /** What an engine other than {@code lostEngine} did first to the busy queue at or after {@code since}. */
    private Optional<Act> firstBusyQueueAct(String lostEngine, Instant since) {
        Set<String> busy = busyTicketIds();
        String lost = SixQueueDesk.agentOf(lostEngine);
        Optional<Act> write = fake.activity().writes().stream()
                .filter(w -> !w.login().equals(lost) && !w.at().isBefore(since) && busy.contains(w.ticketId()))
                .map(w -> new Act(w.at(), "write of ticket " + w.ticketId() + " by " + w.login())).findFirst();
        Optional<Act> search = fake.activity().searches().stream()
                .filter(s -> !s.login().equals(lost) && !s.at().isBefore(since) && s.queue().equals(BUSY_QUEUE))
                .map(s -> new Act(s.at(), "search by " + s.login())).findFirst();
        if (write.isPresent() && (search.isEmpty() || write.get().at().isBefore(search.get().at()))) {
            return write;
        }
        return search;
    }

    private Set<String> busyTicketIds() {
        return fake.tickets().stream().filter(t -> t.title().startsWith("Ticket 1.")).map(t -> t.id()).collect(Collectors.toSet());
    }

    private void awaitEveryTicketRouted() {
        try {
            cluster.await("every ticket noted", Duration.ofSeconds(60), () -> SixQueueDesk.unnoted(fake) == 0);
        } catch (AssertionError e) {
            throw new AssertionError(SixQueueDesk.notRoutedOnceWithWrites(fake) + "\n" + e.getMessage(), e);
        }
    }

    private void assertClusterInvariants() {
        assertThat(SixQueueDesk.notRoutedOnce(fake)).as("tickets not routed with exactly one note: %s; logs:%s",
                SixQueueDesk.notRoutedOnceWithWrites(fake), cluster.logs()).isEmpty();
        assertThat(fake.activity().overlaps()).as("moments two runs of one runner were in flight; logs:%s", cluster.logs()).isEmpty();
    }
}
