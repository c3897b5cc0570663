package dev.otai.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.api.RunInfo;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.LeaseLost;
import dev.otai.core.orchestration.RunJournal;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.StoreFixture;
import dev.otai.store.TestFault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The run journal against a real store (embedded, and on PostgreSQL): what it keeps of a run, and what a resumed run replays. */
@ParameterizedClass
@EnumSource(StoreFixture.Kind.class)
class StoreJournalTest {

    @Parameter
    StoreFixture.Kind kind;


    private static final String FETCH = "orchestrator.runners[0].run.params.steps[0]";
    private static final String CLASSIFY = "orchestrator.runners[0].run.params.steps[1].params.steps[0]";
    private static final String ROUTE = "orchestrator.runners[0].run.params.steps[1].params.steps[1]";
    private static final RunInfo RUN_A = new RunInfo("router", "aaaa1111", "every-minute", false);

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private Redactor redactor;
    private StoreJournal journal;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(kind.place(dir));
        redactor = new Redactor();
        redactor.register("s3cret-Pa55");
        journal = new StoreJournal(fixture.store, redactor);
        journal.configured(Map.of("router", "tree-1"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_run_that_never_finished_is_listed_with_its_trigger_event_and_pipe_tree_and_a_finished_one_is_forgotten() {
        journal.on(new EngineEvent.RunStarted("router", "aaaa1111", "hook", Instant.EPOCH, Map.of("ticket", "7")));
        journal.on(new EngineEvent.RunStarted("router", "bbbb2222", "hook", Instant.EPOCH, Map.of()));
        journal.record(new RunInfo("router", "bbbb2222", "hook", false), "", FETCH, PipeResult.success(Map.of("count", 0)));
        journal.on(new EngineEvent.RunFinished("router", "bbbb2222", "hook", PipeResult.success(), Duration.ZERO, 1));

        assertThat(journal.interrupted("router")).containsExactly(
                new RunJournal.Interrupted("router", "aaaa1111", "hook", Map.of("ticket", "7"), "tree-1"));
        assertThat(journal.interrupted("other")).isEmpty();
    }

    @Test
    void a_resumed_run_replays_each_recorded_step_by_item_and_path_and_nothing_else() {
        journal.on(new EngineEvent.RunStarted("router", RUN_A.runId(), RUN_A.triggerId(), Instant.EPOCH, Map.of()));
        var tickets = Map.<String, Object>of("fetched_tickets", List.of(Map.of("id", "1"), Map.of("id", "2")), "count", 2);
        journal.record(RUN_A, "", FETCH, PipeResult.success("2 tickets found", tickets));
        journal.record(RUN_A, "item 0", CLASSIFY, PipeResult.success(Map.of("label", "Billing", "confidence", 0.93)));
        journal.record(RUN_A, "item 0", ROUTE, PipeResult.skipped("nothing to change"));
        journal.record(RUN_A, "item 1", CLASSIFY, PipeResult.success(Map.of("label", "IT", "confidence", 0.81)));

        RunJournal.Interrupted old = journal.interrupted("router").getFirst();
        String where = journal.resume(old, "cccc3333");
        var resumed = new RunInfo("router", "cccc3333", RUN_A.triggerId(), false);

        assertThat(where).isEqualTo("continues run aaaa1111: 4 step results replayed; 1 items with 2 steps recorded, "
                + "continued from a later step: item 1 (1 recorded)");
        assertThat(journal.recorded(resumed, "", FETCH)).contains(PipeResult.success("2 tickets found", tickets));
        assertThat(journal.recorded(resumed, "item 1", CLASSIFY))
                .contains(PipeResult.success(Map.of("label", "IT", "confidence", 0.81)));
        assertThat(journal.recorded(resumed, "item 0", ROUTE)).contains(PipeResult.skipped("nothing to change"));
        assertThat(journal.recorded(resumed, "item 1", ROUTE)).isEmpty();
        assertThat(journal.recorded(RUN_A, "item 0", CLASSIFY)).as("the old run replays nothing").isEmpty();
        assertThat(journal.interrupted("router")).extracting(RunJournal.Interrupted::runId).containsExactly("cccc3333");
        assertThat(new JournalLinks(fixture.store).of("cccc3333")).contains(
                new JournalLinks.Link("aaaa1111", null, "running", where));
        assertThat(new JournalLinks(fixture.store).of("aaaa1111")).contains(
                new JournalLinks.Link(null, "cccc3333", "resumed", null));
    }

    @Test
    void what_a_run_returns_after_its_node_lost_the_runners_lease_is_not_kept_so_the_new_owner_runs_those_steps_again() {
        var lease = new AtomicLong(1);
        journal = new StoreJournal(fixture.store, redactor, TestFault.fromEnvironment(), new RunnerOwnership() {
            @Override
            public boolean owns(String runnerId) {
                return lease.get() != 0;
            }

            @Override
            public long epoch(String runnerId) {
                return lease.get();
            }
        });
        journal.configured(Map.of("router", "tree-1"));
        journal.on(new EngineEvent.RunStarted("router", RUN_A.runId(), RUN_A.triggerId(), Instant.EPOCH, Map.of()));
        journal.record(RUN_A, "item 0", CLASSIFY, PipeResult.success(Map.of("label", "IT")));
        lease.set(0); // another node took the runner
        journal.record(RUN_A, "item 0", ROUTE, PipeResult.failed("lease lost", new LeaseLost("refused")));
        lease.set(2); // and this node took it back, under a new epoch
        journal.record(RUN_A, "item 1", CLASSIFY, PipeResult.success(Map.of("label", "Sales")));
        journal.record(RUN_A, "", "orchestrator.runners[0].run.params.steps[1]", PipeResult.success(Map.of("failed", 1)));

        String where = journal.resume(journal.interrupted("router").getFirst(), "cccc3333");
        var resumed = new RunInfo("router", "cccc3333", "", false);

        assertThat(where).startsWith("continues run aaaa1111: 1 step results replayed");
        assertThat(journal.recorded(resumed, "item 0", CLASSIFY)).isPresent();
        assertThat(journal.recorded(resumed, "item 0", ROUTE)).isEmpty();
        assertThat(journal.recorded(resumed, "item 1", CLASSIFY)).isEmpty();
        assertThat(journal.recorded(resumed, "", "orchestrator.runners[0].run.params.steps[1]")).isEmpty();
    }

    @Test
    void a_result_holding_a_secret_or_a_java_object_is_not_kept_so_the_step_runs_again() {
        journal.on(new EngineEvent.RunStarted("router", RUN_A.runId(), RUN_A.triggerId(), Instant.EPOCH, Map.of()));
        journal.record(RUN_A, "item 0", CLASSIFY, PipeResult.success(Map.of("token", "s3cret-Pa55")));
        journal.record(RUN_A, "item 1", CLASSIFY, PipeResult.success(Map.of("at", Instant.EPOCH)));
        journal.record(RUN_A, "item 2", CLASSIFY, PipeResult.failed("classifier down", new IllegalStateException("x")));

        String where = journal.resume(journal.interrupted("router").getFirst(), "cccc3333");
        var resumed = new RunInfo("router", "cccc3333", "", false);

        assertThat(journal.recorded(resumed, "item 0", CLASSIFY)).isEmpty();
        assertThat(journal.recorded(resumed, "item 1", CLASSIFY)).isEmpty();
        assertThat(journal.recorded(resumed, "item 2", CLASSIFY)).get()
                .isEqualTo(PipeResult.failed("classifier down"));
        assertThat(where).contains("1 step results replayed, 2 run again (their results could not be kept)");
        int withSecret = fixture.store.inTransaction(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM journal_steps "
                    + "WHERE data_json LIKE '%s3cret%' OR message LIKE '%s3cret%'")) {
                r.next();
                return r.getInt(1);
            }
        });
        assertThat(withSecret).as("rows holding the secret").isZero();
    }

    @Test
    void a_discarded_run_is_not_listed_again_and_says_why() {
        journal.on(new EngineEvent.RunStarted("router", RUN_A.runId(), RUN_A.triggerId(), Instant.EPOCH, Map.of()));
        journal.record(RUN_A, "", FETCH, PipeResult.success(Map.of("count", 0)));

        journal.discard(journal.interrupted("router").getFirst(), "runner 'router' has other steps or params");

        assertThat(journal.interrupted("router")).isEmpty();
        assertThat(new JournalLinks(fixture.store).of(RUN_A.runId())).contains(
                new JournalLinks.Link(null, null, "discarded", "runner 'router' has other steps or params"));
    }
}
