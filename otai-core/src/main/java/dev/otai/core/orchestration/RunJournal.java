package dev.otai.core.orchestration;

import dev.otai.api.PipeResult;
import dev.otai.api.RunInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable progress of runs, so that a run the engine did not finish (killed, power loss) is continued at the
 * next start instead of being started again or abandoned. Every pipe that ends inside a run records its result,
 * keyed by runner, run, scope (the for-each item, see {@link dev.otai.api.PipeContext#scope()}) and the pipe's
 * path in the config; a resumed run replays those results instead of running the pipes again, and runs the rest.
 * Offered to the engine as a facility; the embedded store implements it.
 */
public interface RunJournal {

    /** The runners' pipe trees as configured now (see {@code PipeFingerprint}), by runner id; told once at engine start. */
    void configured(Map<String, String> fingerprintByRunner);

    /** The result recorded for this step of {@code run}, to replay instead of running the step; empty when none. */
    Optional<PipeResult> recorded(RunInfo run, String scope, String path);

    /** Records the result of a step that ran (never called for a replayed one). Quick: it must not wait for a disk. */
    void record(RunInfo run, String scope, String path, PipeResult result);

    /** Runs of {@code runnerId} that started and never finished, oldest first. */
    List<Interrupted> interrupted(String runnerId);

    /**
     * The interrupted run {@code old} continues as run {@code newRunId}: its recorded steps become the new run's,
     * and the old run is marked as resumed by it. Returns a line saying where it resumes, for the log and history.
     */
    String resume(Interrupted old, String newRunId);

    /** The interrupted run {@code old} will not be resumed (its runner's pipes changed shape): say why, forget its steps. */
    void discard(Interrupted old, String reason);

    /**
     * A run that started and never finished.
     *
     * @param fingerprint the runner's pipe tree when the run started; a different one now means the config changed
     */
    record Interrupted(String runnerId, String runId, String triggerId, Map<String, Object> event, String fingerprint) {
    }

    /** No journal: nothing is recorded, nothing resumes (no store, dry runs, tests). */
    RunJournal NONE = new RunJournal() {
        @Override
        public void configured(Map<String, String> fingerprintByRunner) {
        }

        @Override
        public Optional<PipeResult> recorded(RunInfo run, String scope, String path) {
            return Optional.empty();
        }

        @Override
        public void record(RunInfo run, String scope, String path, PipeResult result) {
        }

        @Override
        public List<Interrupted> interrupted(String runnerId) {
            return List.of();
        }

        @Override
        public String resume(Interrupted old, String newRunId) {
            return "";
        }

        @Override
        public void discard(Interrupted old, String reason) {
        }
    };
}
