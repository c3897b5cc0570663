package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otai.core.config.StorageSettings;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.RunnerOutcome;
import dev.otai.store.history.RunQueries;
import dev.otai.testkit.PostgresServer;
import dev.otai.testkit.otobo.FakeOtobo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines on one real PostgreSQL database and one OTOBO fake on loopback. A run waits at a gate (a file the
 * test creates) before its one write, so the test can stall its node mid-run: the stalled node's write is refused
 * once another node took the runner, and the new owner resumes the interrupted run, which writes once.
 */
class ClusterFailoverTest {

    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<EngineEvent.RunFinished> finished = new CopyOnWriteArrayList<>();
    private PostgresServer.Database database;
    private String ticket;

    @BeforeEach
    void setUp() {
        database = PostgresServer.shared().freshDatabase();
        ticket = fake.addTicket("Printer", "jams", "Incoming");
    }

    @AfterEach
    void tearDown() throws Exception {
        open("go"); // a run still at its gate ends
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        fake.close();
    }

    @Test
    void a_node_stalled_past_its_lease_writes_nothing_and_the_new_owner_resumes_its_run_which_writes_once() throws Exception {
        ClusterNode a = node("a");
        a.keeper.tick();
        ClusterNode b = node("b");
        b.keeper.tick();
        assertThat(a.keeper.owned()).containsExactly("router");

        CompletableFuture<Optional<RunnerOutcome>> stalled = CompletableFuture.supplyAsync(() -> a.engine.runOnce("router"));
        await().atMost(PATIENCE).until(() -> Files.exists(dir.resolve("started")));
        String stalledRun = Files.readString(dir.resolve("started")).strip();
        a.nanos.addAndGet(LEASE.toNanos()); // a stalls (SIGSTOP, a GC pause) for a whole lease, renewing nothing
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            b.keeper.tick();
            return b.keeper.owns("router");
        });
        open("go");

        RunnerOutcome lost = stalled.get().orElseThrow();
        assertThat(lost.result().failed()).isTrue();
        assertThat(lost.result().message()).startsWith("lease lost: runner 'router' (epoch 1) is now owned by another node");
        await().atMost(PATIENCE).until(() -> b.engine.runners().idle("router") && fake.ticket(ticket).addedArticles().size() == 1);
        assertThat(fake.ticket(ticket).addedArticles()).singleElement()
                .satisfies(note -> assertThat(note.body()).isEqualTo("routed"));
        assertThat(finished).filteredOn(run -> !run.runId().equals(stalledRun)).singleElement()
                .satisfies(run -> assertThat(run.result().failed()).as(run.result().message()).isFalse());
        assertThat(journalStatus(stalledRun)).isEqualTo("resumed");
        assertThat(new RunQueries(b.store).show(stalledRun).orElseThrow().run()).satisfies(run -> {
            assertThat(run.outcome()).isEqualTo("failed");
            assertThat(run.message()).startsWith("lease lost");
            assertThat(run.node()).isEqualTo("a");
        });
        a.keeper.tick(); // a's keeper wakes too
        assertThat(a.keeper.owned()).isEmpty();
        assertThat(a.keeper.leasesLost()).isEqualTo(1);
    }

    @Test
    void a_write_under_an_epoch_the_database_moved_past_is_refused_even_while_the_node_still_counts_its_lease_valid()
            throws Exception {
        ClusterNode a = node("a");
        a.keeper.tick();

        CompletableFuture<Optional<RunnerOutcome>> run = CompletableFuture.supplyAsync(() -> a.engine.runOnce("router"));
        await().atMost(PATIENCE).until(() -> Files.exists(dir.resolve("started")));
        takeOverInTheDatabase("router"); // another node took the runner; a's monotonic clock says its lease still holds
        assertThat(a.keeper.owns("router")).isTrue();
        open("go");

        assertThat(run.get().orElseThrow().result().message()).startsWith("lease lost: runner 'router' (epoch 1)")
                .contains("is no longer this node's in the database");
        assertThat(fake.ticket(ticket).addedArticles()).isEmpty();
        assertThat(fake.requests()).noneMatch(OtoboRouting::isWrite);
        assertThat(a.keeper.owns("router")).as("no longer counted its own once the database refused").isFalse();
        assertThat(a.keeper.leasesLost()).isEqualTo(1);
    }

    @Test
    void a_for_each_whose_writes_the_database_refused_ends_lease_lost_and_stays_unfinished_for_the_new_owner()
            throws Exception {
        fake.addTicket("VPN", "down", "Incoming");
        ClusterNode a = node("a", LEASE, StorageSettings.defaults(), forEachConfig());
        a.keeper.tick();

        CompletableFuture<Optional<RunnerOutcome>> run = CompletableFuture.supplyAsync(() -> a.engine.runOnce("router"));
        await().atMost(PATIENCE).until(() -> Files.exists(dir.resolve("started")));
        String runId = Files.readString(dir.resolve("started")).strip();
        takeOverInTheDatabase("router");
        open("go");

        assertThat(run.get().orElseThrow().result().message()).startsWith("lease lost: runner 'router' (epoch 1)");
        assertThat(fake.requests()).noneMatch(OtoboRouting::isWrite);
        assertThat(journalStatus(runId)).as("left for the runner's new owner").isEqualTo("running");
    }

    @Test
    void only_the_owner_runs_a_runner_and_a_node_that_does_not_own_it_drops_its_fire_quietly() throws Exception {
        ClusterNode a = node("a");
        a.keeper.tick();
        ClusterNode b = node("b");
        b.keeper.tick();
        open("go");

        assertThat(b.engine.runOnce("router")).isEmpty();
        assertThat(a.engine.runOnce("router")).hasValueSatisfying(o -> assertThat(o.result().failed()).isFalse());

        assertThat(fake.ticket(ticket).addedArticles()).hasSize(1);
        assertThat(finished).hasSize(1);
    }

    @Test
    void with_the_ledger_off_a_node_stalled_past_its_lease_still_writes_nothing() throws Exception {
        var ledgerOff = StorageSettings.defaults();
        ledgerOff = new StorageSettings(ledgerOff.dataDirectory(), ledgerOff.maxAge(), ledgerOff.maxRuns(),
                ledgerOff.maxValueChars(), ledgerOff.maxStepsPerRun(), new StorageSettings.LedgerSettings(false, 1_000, 20,
                Duration.ofHours(1), Set.of()));
        ClusterNode a = node("a", LEASE, ledgerOff);
        a.keeper.tick();

        CompletableFuture<Optional<RunnerOutcome>> stalled = CompletableFuture.supplyAsync(() -> a.engine.runOnce("router"));
        await().atMost(PATIENCE).until(() -> Files.exists(dir.resolve("started")));
        a.nanos.addAndGet(LEASE.toNanos());
        open("go");

        assertThat(stalled.get().orElseThrow().result().message()).startsWith("lease lost: runner 'router' (epoch 1)")
                .contains("this node no longer holds the runner's lease");
        assertThat(fake.requests()).noneMatch(OtoboRouting::isWrite);
        assertThat(fake.ticket(ticket).addedArticles()).isEmpty();
    }

    @Test
    void a_node_stopped_gracefully_hands_its_runner_over_at_once_and_the_other_node_runs_it() throws Exception {
        Duration longLease = Duration.ofMinutes(5);
        ClusterNode a = node("a", longLease, StorageSettings.defaults());
        a.keeper.tick();
        ClusterNode b = node("b", longLease, StorageSettings.defaults());
        b.keeper.tick();
        assertThat(b.keeper.owned()).isEmpty();

        a.close(); // SIGTERM: its runs end, then its leases go back
        b.keeper.tick(); // long before a's five-minute lease would have run out
        open("go");

        assertThat(b.keeper.owned()).containsExactly("router");
        assertThat(b.keeper.epoch("router")).isEqualTo(2);
        assertThat(b.engine.runOnce("router")).hasValueSatisfying(o -> assertThat(o.result().failed()).isFalse());
        assertThat(fake.ticket(ticket).addedArticles()).hasSize(1);
    }

    private ClusterNode node(String name) {
        return node(name, LEASE, StorageSettings.defaults());
    }

    private ClusterNode node(String name, Duration lease, StorageSettings settings) {
        return node(name, lease, settings, config());
    }

    private ClusterNode node(String name, Duration lease, StorageSettings settings, String config) {
        var node = new ClusterNode(database, name, lease, settings, config, (EngineListener) event -> {
            if (event instanceof EngineEvent.RunFinished run) {
                finished.add(run);
            }
        });
        opened.add(node);
        return node;
    }

    private String config() {
        return """
                open_ticket_ai:
                  services:
                    otobo:
                      use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                      params: { base_url: "%s", password: "%s" }
                  orchestrator:
                    runners:
                      - id: router
                        run:
                          id: batch
                          use: "base:CompositePipe"
                          steps:
                            - { id: started, use: "testkit:Touch", params: { path: "%s" } }
                            - { id: gate, use: "testkit:AwaitFile", params: { path: "%s" } }
                            - id: note
                              use: "base:AddNotePipe"
                              injects: { ticket_system: otobo }
                              params: { ticket_id: "%s", note: { subject: "AI", body: "routed" } }
                """.formatted(fake.baseUrl(), FakeOtobo.PASSWORD, path("started"), path("go"), ticket);
    }

    /** The gate, then a note on every ticket in Incoming; a for-each goes on past an item whose write failed. */
    private String forEachConfig() {
        return """
                open_ticket_ai:
                  services:
                    otobo:
                      use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                      params: { base_url: "%s", password: "%s" }
                  orchestrator:
                    runners:
                      - id: router
                        run:
                          id: batch
                          use: "base:CompositePipe"
                          steps:
                            - { id: started, use: "testkit:Touch", params: { path: "%s" } }
                            - { id: gate, use: "testkit:AwaitFile", params: { path: "%s" } }
                            - id: fetch
                              use: "base:FetchTicketsPipe"
                              injects: { ticket_system: otobo }
                              params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 10 } }
                            - id: each
                              use: "base:ForEachPipe"
                              params:
                                items: "{{ get_pipe_result('fetch','fetched_tickets') }}"
                                item_name: ticket
                                steps:
                                  - id: note
                                    use: "base:AddNotePipe"
                                    injects: { ticket_system: otobo }
                                    params: { ticket_id: "{{ ticket.id }}", note: { subject: "AI", body: "routed" } }
                """.formatted(fake.baseUrl(), FakeOtobo.PASSWORD, path("started"), path("go"));
    }

    private String path(String name) {
        return dir.resolve(name).toString().replace("\\", "/");
    }

    private void open(String gate) throws Exception {
        Path file = dir.resolve(gate);
        if (!Files.exists(file)) {
            Files.writeString(file, "open");
        }
    }

    private void takeOverInTheDatabase(String runner) throws SQLException {
        try (var c = database.dataSource().getConnection(); var s = c.prepareStatement(
                "UPDATE runner_leases SET node = 'elsewhere', epoch = epoch + 1 WHERE runner_id = ?")) {
            s.setString(1, runner);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private String journalStatus(String runId) throws SQLException {
        try (var c = database.dataSource().getConnection(); var s = c.prepareStatement("SELECT status FROM journal_runs WHERE run_id = ?")) {
            s.setString(1, runId);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "none";
            }
        }
    }
}
