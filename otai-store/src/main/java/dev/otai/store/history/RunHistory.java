package dev.otai.store.history;

import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.StepEvent;
import dev.otai.core.orchestration.StepListener;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.Sql;
import dev.otai.store.Store;
import dev.otai.store.Write;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every run and its steps in the store, as the engine reports them. A run's row, its steps and its end
 * are queued and committed in the store's batches (the run's key, which numbers its steps, is handed out in memory),
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
     * once before the engine starts; the embedded store has one engine at a time. In clustered mode only this node's
     * runs are marked (those of an earlier process with the same configured node name): other nodes' runs are still
     * running, or are taken over by the runner's next owner.
     */
    public int abandonUnfinished() {
        String sql = "UPDATE runs SET outcome = 'abandoned', message = 'the engine stopped before the run ended' "
                + "WHERE outcome = 'running'" + (store.clustered() ? " AND node = ?" : "");
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (store.clustered()) {
                    s.setString(1, store.node());
                }
                return s.executeUpdate();
            }
        });
    }

    /**
     * In a cluster, when this node gains runner {@code runnerId}: marks its runs still recorded as running (their
     * node died or lost the runner's lease) as abandoned; the run journal resumes them as new runs.
     */
    public int abandonUnfinished(String runnerId) {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET outcome = 'abandoned', "
                    + "message = 'the node running it stopped or lost the runner before the run ended' "
                    + "WHERE outcome = 'running' AND runner_id = ?")) {
                s.setString(1, runnerId);
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
        long key = store.nextKey(Sql.Keys.RUNS);
        store.later(Write.of(Sql.HISTORY_RUN_START_ON_NODE, key, event.runId(), event.runnerId(), event.triggerId(), event.at(),
                dryRun, store.node()));
        running.put(event.runId(), new InFlight(key, new AtomicInteger()));
    }

    private void finished(EngineEvent.RunFinished event) {
        InFlight run = running.remove(event.runId());
        if (run == null) {
            return;
        }
        int steps = run.steps().get();
        int stored = Math.min(steps, settings.maxStepsPerRun());
        store.later(Write.of(Sql.HISTORY_RUN_END, store.clock().instant(), event.duration().toMillis(),
                event.result().outcome(), cut(redactor.redact(event.result().message())), event.attempt(), stored,
                steps - stored, run.key()));
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
            store.later(Write.of(Sql.HISTORY_STEP, run.key(), seq, step.pipeId(), step.use(), cut(step.path()),
                    scope(step.scope()), step.outcome(), cut(redactor.redact(step.message())),
                    step.duration().toNanos() / 1000, store.clock().instant(), Json.writeCapped(redactor.redact((Object) step.params()), settings.maxValueChars()),
                    Json.writeCapped(redactor.redact((Object) step.data()), settings.maxValueChars())));
        } catch (RuntimeException e) {
            writeFailed(e);
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
