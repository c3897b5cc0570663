package dev.otai.console.actions;

import dev.otai.console.DryRunner;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.ledger.Effect;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dry runs started from the console: one at a time, each on its own thread, the newest {@value #KEPT} kept in
 * memory with their planned writes or the reason they failed.
 */
final class DryRuns {

    static final int KEPT = 20;
    private static final Logger log = LoggerFactory.getLogger(DryRuns.class);

    /** A dry run: {@code writes} once done, {@code error} when it failed, neither while it runs. */
    record DryRun(String id, String runnerId, Instant started, List<Effect> writes, String error) {
        boolean running() {
            return writes == null && error == null;
        }
    }

    private final DryRunner runner;
    private final InstantSource clock;
    private final Redactor redactor;
    private final Map<String, DryRun> byId = new LinkedHashMap<>();

    DryRuns(DryRunner runner, InstantSource clock, Redactor redactor) {
        this.runner = runner;
        this.clock = clock;
        this.redactor = redactor;
    }

    /** Starts a dry run of {@code runnerId}; empty when one is still running. */
    synchronized Optional<DryRun> start(String runnerId) {
        if (byId.values().stream().anyMatch(DryRun::running)) {
            return Optional.empty();
        }
        var run = new DryRun(UUID.randomUUID().toString(), runnerId, clock.instant(), null, null);
        byId.put(run.id(), run);
        while (byId.size() > KEPT) {
            byId.remove(byId.keySet().iterator().next());
        }
        Thread.ofVirtual().name("console-dry-run").start(() -> execute(run));
        return Optional.of(run);
    }

    synchronized Optional<DryRun> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized List<DryRun> recent() {
        return List.copyOf(byId.values()).reversed();
    }

    /** A planned write as the ledger would record it: the pipeline's real values, secrets replaced by {@code ***}. */
    @SuppressWarnings("unchecked")
    private Effect redacted(Effect effect) {
        return new Effect(effect.key(), effect.runId(), effect.runnerId(), effect.stepId(), effect.ticketId(), effect.operation(),
                (Map<String, Object>) redactor.redact((Object) effect.detail()), effect.status());
    }

    private void execute(DryRun run) {
        DryRun done;
        try {
            List<Effect> planned = runner.dryRun(run.runnerId()).stream().map(this::redacted).toList();
            done = new DryRun(run.id(), run.runnerId(), run.started(), planned, null);
        } catch (Exception | LinkageError e) {
            log.warn("Dry run of runner '{}' from the console failed: {}", run.runnerId(), e.toString());
            done = new DryRun(run.id(), run.runnerId(), run.started(), null,
                    redactor.redact(String.valueOf(e.getMessage())));
        }
        synchronized (this) {
            byId.replace(run.id(), done);
        }
    }
}
