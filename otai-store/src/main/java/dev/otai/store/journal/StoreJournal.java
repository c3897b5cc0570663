package dev.otai.store.journal;

import dev.otai.api.PipeResult;
import dev.otai.api.RunInfo;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.LeaseLost;
import dev.otai.core.orchestration.RunJournal;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.store.Sql;
import dev.otai.store.Store;
import dev.otai.store.Write;
import dev.otai.store.TestFault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run journal in the store. Recording costs the run no wait: each step result is queued and committed in the
 * store's next batch, and the effect ledger's durable intents carry every result queued before them to the disk
 * (a write is never on disk without the steps it was based on). When a run ends its steps are deleted. A resumed
 * run takes over its predecessor's steps and replays them from memory. A run that ended because its node lost the
 * runner's lease stays unfinished here, for the runner's new owner to resume, and what its steps returned once the
 * lease was lost (writes refused, a for-each that counted them as failed items) is not recorded: the new owner runs
 * those steps again instead of replaying the refusals.
 */
public final class StoreJournal implements RunJournal, EngineListener {

    private final Store store;
    private final Redactor redactor;
    private volatile Map<String, String> fingerprints = Map.of();
    /** Recorded results to replay, by run id, then by scope and path; only for runs that resume another. */
    private final Map<String, Map<String, PipeResult>> replays = new ConcurrentHashMap<>();

    private final TestFault fault;
    private final RunnerOwnership ownership;
    /** The lease epoch each run in flight started under (clustered mode). */
    private final Map<String, Long> epochs = new ConcurrentHashMap<>();

    /** A journal whose kept data must pass {@code redactor} unchanged (see {@link JournalResults}). */
    public StoreJournal(Store store, Redactor redactor) {
        this(store, redactor, TestFault.fromEnvironment(), RunnerOwnership.ALONE);
    }

    /**
     * With a crash tests' fault switch (see {@link TestFault}), for an engine holding the runners of {@code ownership}
     * ({@link RunnerOwnership#ALONE} for an engine alone).
     */
    public StoreJournal(Store store, Redactor redactor, TestFault fault, RunnerOwnership ownership) {
        this.store = store;
        this.redactor = redactor;
        this.fault = fault;
        this.ownership = ownership;
    }

    @Override
    public void configured(Map<String, String> fingerprintByRunner) {
        fingerprints = Map.copyOf(fingerprintByRunner);
    }

    @Override
    public Optional<PipeResult> recorded(RunInfo run, String scope, String path) {
        Map<String, PipeResult> steps = replays.get(run.runId());
        return steps == null ? Optional.empty() : Optional.ofNullable(steps.get(key(scope, path)));
    }

    @Override
    public void record(RunInfo run, String scope, String path, PipeResult result) {
        if (lostLease(run)) {
            return;
        }
        store.later(Write.of(Sql.JOURNAL_STEP, run.runnerId(), run.runId(), scope, path, result.outcome(),
                redactor.redact(result.message()), JournalResults.dataJson(result, redactor)));
        fault.at("after-step");
    }

    /** Whether this node no longer holds {@code run}'s runner under the epoch the run started with. */
    private boolean lostLease(RunInfo run) {
        if (ownership == RunnerOwnership.ALONE) {
            return false;
        }
        Long started = epochs.get(run.runId());
        long now = ownership.epoch(run.runnerId());
        return now == 0 || started != null && started != now;
    }

    /** Whether run {@code runId} continues an interrupted run. */
    public boolean resuming(String runId) {
        return replays.containsKey(runId);
    }

    @Override
    public void on(EngineEvent event) {
        if (ownership != RunnerOwnership.ALONE) {
            switch (event) {
                case EngineEvent.RunStarted started -> epochs.put(started.runId(), ownership.epoch(started.runnerId()));
                case EngineEvent.RunFinished finished -> epochs.remove(finished.runId());
                default -> { }
            }
        }
        switch (event) {
            case EngineEvent.RunStarted started when !replays.containsKey(started.runId()) -> store.later(
                    start(started.runnerId(), started.runId(), started.triggerId(), started.event(),
                            fingerprints.getOrDefault(started.runnerId(), ""), null, null));
            case EngineEvent.RunFinished finished when leaseLost(finished) ->
                    replays.remove(finished.runId()); // unfinished: the runner's new owner resumes it
            case EngineEvent.RunFinished finished -> {
                replays.remove(finished.runId());
                // a finished run forgets its steps; its row stays only when it is part of a resume, to link the two
                store.later(Write.of(Sql.JOURNAL_STEPS_FORGET, finished.runnerId(), finished.runId()),
                        Write.of(Sql.JOURNAL_RUN_FORGET, finished.runnerId(), finished.runId()),
                        Write.of(Sql.JOURNAL_RUN_FINISHED, finished.runnerId(), finished.runId()));
            }
            default -> { }
        }
    }

    private static boolean leaseLost(EngineEvent.RunFinished finished) {
        return finished.result() instanceof PipeResult.Failed failed && LeaseLost.in(failed.cause());
    }

    private Write start(String runnerId, String runId, String triggerId, Map<String, Object> event, String fingerprint,
                        String resumes, String note) {
        return Write.of(Sql.JOURNAL_RUN_START, runnerId, runId, triggerId, Json.write(event), fingerprint,
                store.clock().instant(), resumes, note);
    }

    private static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    @Override
    public List<Interrupted> interrupted(String runnerId) {
        store.flush();
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT run_id, trigger_id, event_json, fingerprint FROM journal_runs "
                    + "WHERE runner_id = ? AND status = 'running' ORDER BY started_at, run_id")) {
                s.setString(1, runnerId);
                var out = new ArrayList<Interrupted>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Interrupted(runnerId, r.getString(1), r.getString(2), Json.readMap(r.getString(3)),
                                r.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Reads the interrupted run's steps (the store is flushed by {@link #interrupted}), then records, durably and
     * together, the resuming run, the steps it takes over and the old run as resumed.
     */
    @Override
    public String resume(Interrupted old, String newRunId) {
        store.flush();
        record Read(Map<String, PipeResult> steps, String where) {
        }
        Read read = store.read(c -> {
            Map<String, PipeResult> steps = steps(c, old);
            return new Read(steps, JournalNote.where(old.runId(), steps.keySet(), countNotKept(c, old)));
        });
        store.durably(start(old.runnerId(), newRunId, old.triggerId(), old.event(), old.fingerprint(), old.runId(), read.where()),
                Write.of(Sql.JOURNAL_STEPS_MOVE, newRunId, old.runnerId(), old.runId()),
                Write.of(Sql.JOURNAL_RUN_RESUMED, newRunId, old.runnerId(), old.runId()));
        replays.put(newRunId, read.steps());
        return read.where();
    }

    private static Map<String, PipeResult> steps(Connection c, Interrupted old) throws SQLException {
        var steps = new HashMap<String, PipeResult>();
        try (PreparedStatement s = c.prepareStatement("SELECT scope, path, outcome, message, data_json FROM journal_steps "
                + "WHERE runner_id = ? AND run_id = ? AND (data_json IS NOT NULL OR outcome <> 'succeeded')")) {
            s.setString(1, old.runnerId());
            s.setString(2, old.runId());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    steps.put(key(r.getString(1), r.getString(2)), JournalResults.read(r.getString(3), r.getString(4), r.getString(5)));
                }
            }
        }
        return steps;
    }

    private static int countNotKept(Connection c, Interrupted old) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM journal_steps WHERE runner_id = ? AND run_id = ? "
                + "AND data_json IS NULL AND outcome = 'succeeded'")) {
            s.setString(1, old.runnerId());
            s.setString(2, old.runId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Override
    public void discard(Interrupted old, String reason) {
        store.inTransaction(c -> {
            update(c, "DELETE FROM journal_steps WHERE runner_id = ? AND run_id = ?", old.runnerId(), old.runId());
            return update(c, "UPDATE journal_runs SET status = 'discarded', note = ? WHERE runner_id = ? AND run_id = ?",
                    JournalNote.cut(reason), old.runnerId(), old.runId());
        });
    }

    static String key(String scope, String path) {
        return scope + "\n" + path;
    }
}
