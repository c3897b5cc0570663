package dev.otai.core.orchestration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continues the runs that an engine left unfinished: each as a new run of the same runner, with the same trigger
 * and event, whose steps already recorded in the run journal are replayed instead of run again. An engine alone
 * does it when it starts, before any trigger fires ({@link #resume}); in a cluster the node that gains a runner's
 * lease does it for that runner ({@link #onGain}). A run whose runner's pipe tree changed since (another
 * fingerprint) is not resumed: it is logged at WARN and dropped from the journal, and the effect ledger still
 * keeps the writes it made from being made twice.
 */
final class Resumption {

    private static final Logger log = LoggerFactory.getLogger(Resumption.class);

    private final RunnerRuntime runtime;
    private final RunJournal journal;
    private final Map<String, String> fingerprints;

    private Resumption(RunnerRuntime runtime, RunJournal journal, Map<String, String> fingerprints) {
        this.runtime = runtime;
        this.journal = journal;
        this.fingerprints = fingerprints;
    }

    /** At start: resumes the interrupted runs of the runners this engine owns, one after the other, now. */
    static List<RunnerOutcome> resume(List<RunnerRuntime> runtimes, RunJournal journal, Map<String, String> fingerprints,
                                      Lifecycle lifecycle, RunnerOwnership ownership) {
        var outcomes = new ArrayList<RunnerOutcome>();
        for (RunnerRuntime runtime : runtimes) {
            if (!ownership.owns(runtime.id())) {
                continue;
            }
            var resumption = new Resumption(runtime, journal, fingerprints);
            for (RunJournal.Interrupted old : journal.interrupted(runtime.id())) {
                if (lifecycle.stopRequested()) {
                    return outcomes;
                }
                String runId = resumption.begin(old);
                if (runId != null) {
                    runtime.resume(runId, old.triggerId(), old.event()).ifPresent(outcomes::add);
                }
            }
        }
        return outcomes;
    }

    /**
     * When this node gains {@code runtime}'s lease, before it may run it: reads the runner's interrupted runs now
     * (so that no run this node starts under the new lease is among them), and returns the work that resumes them,
     * each once the runner has a free slot and only if it is still unfinished then (a run of a lease this node lost
     * may still have been in flight, and may have finished meanwhile). Until that work is done the runner starts no
     * new run: a fire that comes first would otherwise search again while the interrupted run's items wait.
     */
    static Runnable onGain(RunnerRuntime runtime, RunJournal journal, Map<String, String> fingerprints, Lifecycle lifecycle) {
        List<RunJournal.Interrupted> interrupted = journal.interrupted(runtime.id());
        if (interrupted.isEmpty()) {
            return () -> { };
        }
        var resumption = new Resumption(runtime, journal, fingerprints);
        runtime.resumeFirst();
        return () -> {
            try {
                for (RunJournal.Interrupted old : interrupted) {
                    if (lifecycle.stopRequested()) {
                        return;
                    }
                    runtime.resumeWhenFree(() -> resumption.stillInterrupted(old) ? resumption.begin(old) : null,
                            old.triggerId(), old.event());
                }
            } finally {
                runtime.resumed();
            }
        };
    }

    private boolean stillInterrupted(RunJournal.Interrupted old) {
        return journal.interrupted(old.runnerId()).stream().anyMatch(run -> run.runId().equals(old.runId()));
    }

    /**
     * Hands the interrupted run over to a new run and returns the new run's id; null when the runner's pipes changed
     * since, and the run is dropped instead.
     */
    private String begin(RunJournal.Interrupted old) {
        String now = fingerprints.get(runtime.id());
        if (!old.fingerprint().equals(now)) {
            String reason = "runner '" + runtime.id() + "' has other steps or params than when run " + old.runId()
                    + " started (pipe tree " + old.fingerprint() + ", now " + now + ")";
            log.warn("Interrupted run {} is not resumed: {}; its steps are forgotten, the effect ledger still "
                    + "keeps its writes from being made twice", old.runId(), reason);
            journal.discard(old, reason);
            return null;
        }
        String runId = RunnerRuntime.newRunId();
        String where = journal.resume(old, runId);
        log.info("Resuming run {} of runner '{}' as run {}: {}", old.runId(), runtime.id(), runId, where);
        return runId;
    }
}
