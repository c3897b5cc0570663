package dev.otai.core.orchestration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continues, when the engine starts and before any trigger fires, the runs that a previous engine left
 * unfinished: each as a new run of the same runner, with the same trigger and event, whose steps already
 * recorded in the run journal are replayed instead of run again. A run whose runner's pipe tree changed since
 * (another fingerprint) is not resumed: it is logged at WARN and dropped from the journal, and the effect ledger
 * still keeps the writes it made from being made twice.
 */
final class Resumption {

    private static final Logger log = LoggerFactory.getLogger(Resumption.class);

    private Resumption() {
    }

    static List<RunnerOutcome> resume(List<RunnerRuntime> runtimes, RunJournal journal, Map<String, String> fingerprints,
                                      Lifecycle lifecycle) {
        var outcomes = new ArrayList<RunnerOutcome>();
        for (RunnerRuntime runtime : runtimes) {
            for (RunJournal.Interrupted old : journal.interrupted(runtime.id())) {
                if (lifecycle.stopRequested()) {
                    return outcomes;
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
                runtime.resume(runId, old.triggerId(), old.event()).ifPresent(outcomes::add);
            }
        }
        return outcomes;
    }
}
