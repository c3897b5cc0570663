package dev.otai.core.orchestration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** How one resumed run is run: now on the calling thread, or once the runner has a free slot. */
    @FunctionalInterface
    private interface Resumer {
        Optional<RunnerOutcome> resume(RunnerRuntime runtime, String runId, RunJournal.Interrupted old);
    }

    private Resumption() {
    }

    /** At start: resumes the interrupted runs of the runners this engine owns, one after the other, now. */
    static List<RunnerOutcome> resume(List<RunnerRuntime> runtimes, RunJournal journal, Map<String, String> fingerprints,
                                      Lifecycle lifecycle, RunnerOwnership ownership) {
        var outcomes = new ArrayList<RunnerOutcome>();
        for (RunnerRuntime runtime : runtimes) {
            if (!ownership.owns(runtime.id())) {
                continue;
            }
            if (!resumeAll(runtime, journal.interrupted(runtime.id()), journal, fingerprints, lifecycle,
                    (r, runId, old) -> r.resume(runId, old.triggerId(), old.event()), outcomes)) {
                break;
            }
        }
        return outcomes;
    }

    /**
     * When this node gains {@code runtime}'s lease, before it may run it: reads the runner's interrupted runs now
     * (so that no run this node starts under the new lease is among them), and returns the work that resumes them,
     * each once the runner has a free slot (runs of a lease this node lost may still be ending).
     */
    static Runnable onGain(RunnerRuntime runtime, RunJournal journal, Map<String, String> fingerprints, Lifecycle lifecycle) {
        List<RunJournal.Interrupted> interrupted = journal.interrupted(runtime.id());
        if (interrupted.isEmpty()) {
            return () -> { };
        }
        return () -> resumeAll(runtime, interrupted, journal, fingerprints, lifecycle,
                (r, runId, old) -> r.resumeWhenFree(runId, old.triggerId(), old.event()), new ArrayList<>());
    }

    /** Returns false when the engine stops before all were resumed. */
    private static boolean resumeAll(RunnerRuntime runtime, List<RunJournal.Interrupted> interrupted, RunJournal journal,
                                     Map<String, String> fingerprints, Lifecycle lifecycle, Resumer resumer,
                                     List<RunnerOutcome> outcomes) {
        for (RunJournal.Interrupted old : interrupted) {
            if (lifecycle.stopRequested()) {
                return false;
            }
            String now = fingerprints.get(runtime.id());
            if (!old.fingerprint().equals(now)) {
                String reason = "runner '" + runtime.id() + "' has other steps or params than when run " + old.runId()
                        + " started (pipe tree " + old.fingerprint() + ", now " + now + ")";
                log.warn("Interrupted run {} is not resumed: {}; its steps are forgotten, the effect ledger still "
                        + "keeps its writes from being made twice", old.runId(), reason);
                journal.discard(old, reason);
                continue;
            }
            String runId = RunnerRuntime.newRunId();
            String where = journal.resume(old, runId);
            log.info("Resuming run {} of runner '{}' as run {}: {}", old.runId(), runtime.id(), runId, where);
            resumer.resume(runtime, runId, old).ifPresent(outcomes::add);
        }
        return true;
    }
}
