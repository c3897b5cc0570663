package dev.otai.store.history;

import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.StepEvent;
import dev.otai.core.orchestration.StepListener;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every run and its steps in the store, as the engine reports them. A run's row is written when it
 * starts (its key numbers the steps); steps and the run's end are queued and committed in the store's batches,
 * off the run's threads; a failing write is logged and never affects the run. Every text is passed
 * through the engine's {@link Redactor} before it is stored (run and step messages, params, data: step events
 * arrive already redacted, see {@link StepEvent}, and are redacted again here, where they leave the engine) and cut
 * to the configured size.
 */
public final class RunHistory implements EngineListener, StepListener {

    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);
    static final int MESSAGE_CHARS = 4000;
    private static final int SCOPE_CHARS = 400;

    private final Store store;
    private final StorageSettings settings;
    private final boolean dryRun;
    private final Redactor redactor;
    private final Map<String, InFlight> running = new ConcurrentHashMap<>();
    private final AtomicLong failedWrites = new AtomicLong();

    /** A run being recorded: its row and how many steps it has so far. */
    private record InFlight(long key, AtomicInteger steps) {
    }

    public RunHistory(Store store, StorageSettings settings, boolean dryRun, Redactor redactor) {
        this.store = store;
        this.settings = settings;
        this.dryRun = dryRun;
        this.redactor = redactor;
    }

    /**
     * Marks runs still recorded as running, left by an engine that died (killed, power loss), as abandoned. Call
     * once before the engine starts; the embedded store has one engine at a time.
     */
    public int abandonUnfinished() {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET outcome = 'abandoned', "
                    + "message = 'the engine stopped before the run ended' WHERE outcome = 'running'")) {
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void on(EngineEvent event) {
        try {
            switch (event) {
                case EngineEvent.RunStarted started -> started(started);
                case EngineEvent.RunFinished finished -> finished(finished);
                default -> { }
            }
        } catch (RuntimeException e) {
            writeFailed(e);
        }
    }

    private void started(EngineEvent.RunStarted event) {
        long key = store.inTransaction(c -> insertRun(c, event));
        running.put(event.runId(), new InFlight(key, new AtomicInteger()));
    }

    private long insertRun(Connection c, EngineEvent.RunStarted e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO runs (id, runner_id, trigger_id, started_at, outcome, message, "
                + "attempt, dry_run, step_count, steps_dropped) VALUES (?, ?, ?, ?, 'running', '', 1, ?, 0, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, e.runId());
            s.setString(2, e.runnerId());
            s.setString(3, e.triggerId());
            s.setObject(4, e.at().atOffset(ZoneOffset.UTC));
            s.setBoolean(5, dryRun);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void finished(EngineEvent.RunFinished event) {
        InFlight run = running.remove(event.runId());
        if (run == null) {
            return;
        }
        int steps = run.steps().get();
        int stored = Math.min(steps, settings.maxStepsPerRun());
        var finishedAt = store.clock().instant().atOffset(ZoneOffset.UTC);
        String message = cut(redactor.redact(event.result().message()));
        store.later(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET finished_at = ?, duration_ms = ?, outcome = ?, "
                    + "message = ?, attempt = ?, step_count = ?, steps_dropped = ? WHERE run_key = ?")) {
                s.setObject(1, finishedAt);
                s.setLong(2, event.duration().toMillis());
                s.setString(3, event.result().outcome());
                s.setString(4, message);
                s.setInt(5, event.attempt());
                s.setInt(6, stored);
                s.setInt(7, steps - stored);
                s.setLong(8, run.key());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void finished(StepEvent step) {
        InFlight run = running.get(step.run().runId());
        if (run == null) {
            return;
        }
        int seq = run.steps().incrementAndGet();
        if (seq > settings.maxStepsPerRun()) {
            return;
        }
        try {
            var row = new StepRow(run.key(), seq, step.pipeId(), step.use(), cut(step.path()), scope(step.scope()), step.outcome(),
                    cut(redactor.redact(step.message())), step.duration().toNanos() / 1000, store.clock().instant(),
                    Json.writeCapped(redactor.redact((Object) step.params()), settings.maxValueChars()),
                    Json.writeCapped(redactor.redact((Object) step.data()), settings.maxValueChars()));
            store.later(row::insert);
        } catch (RuntimeException e) {
            writeFailed(e);
        }
    }

    /** A step as stored, made ready (redacted, cut) on the run's thread and inserted in a later batch. */
    private record StepRow(long key, int seq, String pipeId, String use, String path, String scope, String outcome,
                           String message, long durationMicros, Instant finished, String params, String data) {

        int insert(Connection c) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO run_steps (run_key, seq, pipe_id, pipe_use, path, "
                    + "scope, outcome, message, duration_us, finished_at, params_json, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, key);
                s.setInt(2, seq);
                s.setString(3, pipeId);
                s.setString(4, use);
                s.setString(5, path);
                s.setString(6, scope);
                s.setString(7, outcome);
                s.setString(8, message);
                s.setLong(9, durationMicros);
                s.setObject(10, finished.atOffset(ZoneOffset.UTC));
                s.setString(11, params);
                s.setString(12, data);
                return s.executeUpdate();
            }
        }
    }

    /** A step's scope as stored: empty at the top of a run, cut to the column's width. */
    private static String scope(String scope) {
        return scope.length() <= SCOPE_CHARS ? scope : scope.substring(0, SCOPE_CHARS);
    }

    static String cut(String text) {
        return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS - 1) + "…";
    }

    private void writeFailed(RuntimeException e) {
        if (failedWrites.getAndIncrement() % 100 == 0) {
            log.warn("Run history could not be written ({} failed writes so far): {}", failedWrites.get(),
                    redactor.redact(e.getMessage()));
        }
    }
}
