package dev.otai.store.journal;

import dev.otai.api.PipeResult;
import dev.otai.api.RunInfo;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.RunJournal;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.store.Store;
import dev.otai.store.TestFault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
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
 * run takes over its predecessor's steps and replays them from memory.
 */
public final class StoreJournal implements RunJournal, EngineListener {

    private final Store store;
    private final Redactor redactor;
    private volatile Map<String, String> fingerprints = Map.of();
    /** Recorded results to replay, by run id, then by scope and path; only for runs that resume another. */
    private final Map<String, Map<String, PipeResult>> replays = new ConcurrentHashMap<>();

    private final TestFault fault;

    /** A journal whose kept data must pass {@code redactor} unchanged (see {@link JournalResults}). */
    public StoreJournal(Store store, Redactor redactor) {
        this(store, redactor, TestFault.fromEnvironment());
    }

    /** With a crash tests' fault switch (see {@link TestFault}). */
    public StoreJournal(Store store, Redactor redactor, TestFault fault) {
        this.store = store;
        this.redactor = redactor;
        this.fault = fault;
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
        store.later(c -> { // serialised by the store's writer, off the run's thread: results are immutable
            String data = JournalResults.dataJson(result, redactor);
            String message = redactor.redact(result.message());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO journal_steps (runner_id, run_id, scope, path, outcome, "
                    + "message, data_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, run.runnerId());
                s.setString(2, run.runId());
                s.setString(3, scope);
                s.setString(4, path);
                s.setString(5, result.outcome());
                s.setString(6, message);
                s.setString(7, data);
                return s.executeUpdate();
            }
        });
        fault.at("after-step");
    }

    /** Whether run {@code runId} continues an interrupted run. */
    public boolean resuming(String runId) {
        return replays.containsKey(runId);
    }

    @Override
    public void on(EngineEvent event) {
        switch (event) {
            case EngineEvent.RunStarted started when !replays.containsKey(started.runId()) -> store.later(c -> {
                insertRun(c, started.runnerId(), started.runId(), started.triggerId(), started.event(),
                        fingerprints.getOrDefault(started.runnerId(), ""), null, null);
                return null;
            });
            case EngineEvent.RunFinished finished -> {
                replays.remove(finished.runId());
                store.later(c -> finish(c, finished.runnerId(), finished.runId()));
            }
            default -> { }
        }
    }

    private void insertRun(Connection c, String runnerId, String runId, String triggerId, Map<String, Object> event,
                           String fingerprint, String resumes, String note) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO journal_runs (runner_id, run_id, trigger_id, event_json, "
                + "fingerprint, status, started_at, resumes, note) VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?)")) {
            s.setString(1, runnerId);
            s.setString(2, runId);
            s.setString(3, triggerId);
            s.setString(4, Json.write(event));
            s.setString(5, fingerprint);
            s.setObject(6, store.clock().instant().atOffset(ZoneOffset.UTC));
            s.setString(7, resumes);
            s.setString(8, note);
            s.executeUpdate();
        }
    }

    /** A finished run forgets its steps; its row stays only when it is part of a resume, to link the two. */
    private static int finish(Connection c, String runnerId, String runId) throws SQLException {
        update(c, "DELETE FROM journal_steps WHERE runner_id = ? AND run_id = ?", runnerId, runId);
        update(c, "DELETE FROM journal_runs WHERE runner_id = ? AND run_id = ? AND resumes IS NULL", runnerId, runId);
        return update(c, "UPDATE journal_runs SET status = 'finished' WHERE runner_id = ? AND run_id = ?", runnerId, runId);
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
        return store.inTransaction(c -> {
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

    @Override
    public String resume(Interrupted old, String newRunId) {
        String note = store.durably(c -> {
            Map<String, PipeResult> steps = steps(c, old);
            String where = JournalNote.where(old.runId(), steps.keySet(), countNotKept(c, old));
            insertRun(c, old.runnerId(), newRunId, old.triggerId(), old.event(), old.fingerprint(), old.runId(), where);
            update(c, "UPDATE journal_steps SET run_id = ? WHERE runner_id = ? AND run_id = ?", newRunId, old.runnerId(), old.runId());
            update(c, "UPDATE journal_runs SET status = 'resumed', resumed_by = ? WHERE runner_id = ? AND run_id = ?",
                    newRunId, old.runnerId(), old.runId());
            replays.put(newRunId, steps);
            return where;
        });
        return note;
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
