package dev.otai.core.orchestration;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.RunInfo;
import dev.otai.api.RunTally;
import dev.otai.core.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One runner at run time: starts runs on their own threads, never more than its concurrency at once. A time
 * fire that finds it busy is skipped and counted (logged once per busy period); an event waits in a queue and
 * runs when the runner is free. The queue's bound ({@link RunnerSettings#maxQueuedEvents()}) is checked before an
 * event is accepted ({@link #hasRoomForEvent()}), so an event once queued is never dropped: after a stop request
 * queued events still run, until {@link #abandon()} at the end of the grace period.
 * A run that finishes takes the next queued event on its own thread. The busy state is {@link RunSlots}.
 * A runtime that replaces another after a reload (its predecessor) starts its first run only once the
 * predecessor has no run in flight or queued, so the old and the new definition of a runner never overlap.
 * In a cluster only the holder of the runner's lease ({@link RunnerOwnership}) runs it: other nodes' fires are dropped
 * quietly, and a run whose lease was lost while it ran ends "lease lost" ({@link LeaseLost}), is not retried here, and
 * is left in the run journal for the new owner to resume.
 */
final class RunnerRuntime {

    private static final Logger log = LoggerFactory.getLogger(RunnerRuntime.class);

    private final Runner spec;
    private final String id;
    private final PipeNode run;
    private final RunnerSettings settings;
    private final InstantSource clock;
    private final ExecutorService executor;
    private final EngineListener listener;
    private final BiConsumer<RunnerRuntime, Fire> retries;
    private final RunSlots slots;
    private final RunnerOwnership ownership;
    private final SpinBackoff backoff = new SpinBackoff();
    private volatile RunnerOutcome last;
    private volatile boolean resuming; // a cluster node gained the runner and resumes its interrupted runs first
    private volatile RunnerRuntime predecessor;

    RunnerRuntime(Runner spec, InstantSource clock, ExecutorService executor, EngineListener listener,
                  BiConsumer<RunnerRuntime, Fire> retries, RunnerOwnership ownership, RunnerRuntime predecessor) {
        this.spec = spec;
        this.id = spec.id();
        this.run = spec.run();
        this.settings = spec.settings();
        this.clock = clock;
        this.executor = executor;
        this.listener = listener;
        this.retries = retries;
        this.slots = new RunSlots(settings);
        this.ownership = ownership;
        this.predecessor = predecessor;
    }

    String id() {
        return id;
    }

    Runner spec() {
        return spec;
    }

    /** Whether it has no trigger, and so runs once when the orchestrator starts. */
    boolean runsAtStartup() {
        return spec.triggerIds().isEmpty();
    }

    RunnerSettings settings() {
        return settings;
    }

    /** The outcome of the last run that ended, if any. */
    Optional<RunnerOutcome> lastOutcome() {
        return Optional.ofNullable(last);
    }

    long skipped() {
        return slots.skipped();
    }

    int inFlight() {
        return slots.inFlight();
    }

    int queued() {
        return slots.queued();
    }

    /** Whether an event delivered now would run or wait, rather than exceed the queue's bound. */
    boolean hasRoomForEvent() {
        return slots.hasRoomForEvent();
    }

    /** Stops taking fires; events already queued still run. Returns how many wait. */
    int stopAccepting() {
        return slots.stopAccepting();
    }

    /**
     * Gives up the events still queued (the grace period is over); returns how many will not run. Stored events
     * among them go back to pending, for the runner's next owner.
     */
    int abandon() {
        return giveBack(slots.abandon());
    }

    /** How many events it can take now without exceeding its queue's bound. */
    int room() {
        return slots.room();
    }

    /** Gives the stored events still queued back to pending (clustered mode, at a stop); returns how many. */
    int withdrawStored() {
        return giveBack(slots.withdrawStored());
    }

    private static int giveBack(List<Fire> fires) {
        fires.forEach(fire -> fire.stored().release());
        return fires.size();
    }

    /** Whether no run is in flight or queued. */
    boolean idle() {
        return slots.inFlight() == 0 && slots.queued() == 0;
    }

    /** Waits until no run is in flight or queued. */
    void awaitIdle() throws InterruptedException {
        slots.awaitIdle();
    }

    /** Waits until no run is in flight or queued, up to {@code nanos}; returns whether it is idle. */
    boolean awaitIdle(long nanos) throws InterruptedException {
        return slots.awaitIdle(nanos);
    }

    /** Fires the runner: a run that can start goes to a thread of its own; otherwise it is queued or skipped. */
    void fire(Fire fire) {
        admit(fire, this::start);
    }

    /**
     * Fires the runner and, when the run can start, runs it on the calling thread, which returns when it has ended;
     * events queued meanwhile go on on a thread of their own. For {@code otai run --once} and its retries, which
     * wait for their run anyway: the same admission, overlap control, timeout and reporting as {@link #fire}.
     */
    void fireHere(Fire fire) {
        admit(fire, here -> {
            if (!awaitPredecessor()) {
                giveUp();
                return;
            }
            runOne(here);
            Fire next = slots.finishedOrNext();
            if (next != null) {
                start(next);
            }
        });
    }

    private void admit(Fire fire, Consumer<Fire> starts) {
        if (!ownership.owns(id)) {
            fire.stored().release();
            log.debug("Runner '{}' is owned by another node; fire of '{}' dropped", id, fire.triggerId());
            return;
        }
        if (resuming) {
            fire.stored().release();
            log.debug("Runner '{}' resumes its interrupted runs first; fire of '{}' dropped", id, fire.triggerId());
            return;
        }
        if (restsFrom(fire)) {
            log.debug("Runner '{}' backs off after runs that wrote nothing; fire of '{}' skipped", id, fire.triggerId());
            return;
        }
        switch (slots.admit(fire)) {
            case IGNORED -> fire.stored().release();
            case STARTS -> starts.accept(fire);
            case QUEUED -> listener.on(new EngineEvent.EventQueued(id, fire.triggerId()));
            case SKIPPED_FIRST -> {
                log.warn("Runner '{}' is still running; fire of '{}' skipped (further skips are counted until the run ends)",
                        id, fire.triggerId());
                listener.on(new EngineEvent.FireSkipped(id, fire.triggerId(), fire.at()));
            }
            case SKIPPED -> listener.on(new EngineEvent.FireSkipped(id, fire.triggerId(), fire.at()));
        }
    }

    /** Time fires wait out a spinning runner's back-off; events, retries and {@code --once} runs do not. */
    private boolean restsFrom(Fire fire) {
        return !fire.queueable() && !fire.triggerId().equals(RunOnce.TRIGGER) && backoff.resting(clock.instant());
    }

    /** Starts a run in the slot {@link RunSlots#admit} took; gives the slot back when no thread can be started. */
    private void start(Fire fire) {
        try {
            executor.execute(() -> execute(fire));
        } catch (RuntimeException e) {
            slots.release();
            log.warn("Runner '{}' could not start a run: {}", id, e.toString());
        }
    }

    /** Runs {@code first}, then, on the same thread, whatever events queued meanwhile. */
    private void execute(Fire first) {
        if (!awaitPredecessor()) {
            giveUp();
            return;
        }
        Fire fire = first;
        while (fire != null) {
            runOne(fire);
            fire = slots.finishedOrNext();
        }
    }

    /**
     * Waits until the runtime this one replaced has ended its runs; false when the wait was interrupted (the engine
     * stops past its grace period), and then nothing may run.
     */
    private boolean awaitPredecessor() {
        RunnerRuntime before = predecessor;
        if (before == null) {
            return true;
        }
        try {
            if (!before.idle()) {
                log.info("Runner '{}' starts its run under the reloaded config once the run under the previous one has ended", id);
            }
            before.awaitIdle();
            predecessor = null;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back the slot of a run that will not run, and of the queued ones that would follow it. */
    private void giveUp() {
        log.warn("Runner '{}' did not start its run: the engine stopped while the run of its previous config was in flight", id);
        int left = abandon();
        slots.finishedOrNext(); // gives the slot back: nothing is queued any more
        if (left > 0) {
            log.warn("Runner '{}': {} queued events were not run", id, left);
        }
    }

    /**
     * Continues an interrupted run now, on the calling thread, as run {@code runId} (the run journal replays the
     * steps it recorded); returns how it ended.
     */
    Optional<RunnerOutcome> resume(String runId, String triggerId, Map<String, Object> event) {
        runOne(new Fire(triggerId, event, clock.instant(), true, 1), runId);
        return lastOutcome();
    }

    /**
     * Takes a run slot as soon as one is free (waiting for the runs in flight, which may be runs of a lease this node
     * lost), then asks {@code begin} for the id to continue the interrupted run under (null: it is no longer to be
     * resumed, it ended meanwhile) and continues it as {@link #resume} does, on the calling thread; events queued
     * meanwhile then run on it too. Empty when nothing ran: the runner stopped taking fires, or the wait was
     * interrupted, or {@code begin} said no.
     */
    Optional<RunnerOutcome> resumeWhenFree(Supplier<String> begin, String triggerId, Map<String, Object> event) {
        try {
            if (!slots.takeWhenFree()) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        RunnerOutcome before = last;
        String runId = begin.get();
        if (runId != null) {
            runOne(new Fire(triggerId, event, clock.instant(), true, 1), runId);
        }
        RunnerOutcome outcome = last;
        Fire next;
        while ((next = slots.finishedOrNext()) != null) {
            runOne(next);
        }
        return Optional.ofNullable(outcome).filter(o -> o != before);
    }

    /**
     * Until {@link #resumed()}, fires and events are dropped (stored events go back to the database): the runs that
     * another node left unfinished are resumed before any new run of this runner starts on this one.
     */
    void resumeFirst() {
        resuming = true;
    }

    /** The interrupted runs were resumed (or given up): fires start runs again. */
    void resumed() {
        resuming = false;
    }

    static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void runOne(Fire fire) {
        runOne(fire, newRunId());
    }

    private void runOne(Fire fire, String runId) {
        long epoch = ownership.epoch(id);
        if (epoch == 0) {
            fire.stored().release();
            log.info("Runner '{}' is now owned by another node; its waiting fire of '{}' was dropped", id, fire.triggerId());
            return;
        }
        if (!fire.stored().start(runId)) {
            log.info("Runner '{}': an event of '{}' it claimed is no longer this engine's to run (another engine holds "
                    + "the runner now); not run here", id, fire.triggerId());
            return;
        }
        Instant started = clock.instant();
        long start = System.nanoTime();
        try (var ignoredRunner = MDC.putCloseable("runner", id); var ignoredRun = MDC.putCloseable("run_id", runId)) {
            listener.on(new EngineEvent.RunStarted(id, runId, fire.triggerId(), started, fire.event()));
            var info = new RunInfo(id, runId, fire.triggerId(), false);
            PipeContext context = PipeContext.forRun(info)
                    .withValue("trigger", fire.triggerId())
                    .withValue("event", fire.event());
            var timed = new TimedRun(run, settings.timeout(), executor);
            PipeResult ran = timed.run(context);
            PipeResult result = leaseLost(ran, epoch) ? lostLease(runId, epoch, ran) : ran;
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            logRun(runId, fire, result, took);
            last = new RunnerOutcome(id, result, took);
            fire.stored().finished(); // before the run's records are closed: a run the journal forgot is done
            listener.on(new EngineEvent.RunFinished(id, runId, fire.triggerId(), result, took, fire.attempt()));
            judgeSpinning(runId, info.tally());
            scheduleRetry(fire, result);
            timed.awaitEnd(() -> log.warn("Run {} of runner '{}' ignored its cancellation and is still running; the "
                    + "runner starts no new run until it ends", runId, id));
        } catch (RuntimeException | Error e) {
            fire.stored().finished();
            log.error("Runner '{}' run {} crashed", id, runId, e);
        }
    }

    /** Reports a run that spun (WARN and an event) and starts the runner's back-off, or ends one in force. */
    private void judgeSpinning(String runId, RunTally tally) {
        if (backoff.endedBy(tally)) {
            log.info("Runner '{}' is back to its schedule: run {} {}", id, runId,
                    tally.fetched() == 0 ? "fetched no tickets" : "wrote to its tickets");
        }
        backoff.after(tally, clock.instant()).ifPresent(rest -> {
            log.warn("Run {} of runner '{}' fetched {} tickets and wrote nothing: all {} of its writes were already applied "
                    + "by the effect ledger's record, yet the tickets still match its fetch. The runner backs off for {} "
                    + "(its time fires are skipped until then); check that the pipeline moves the tickets out of its "
                    + "fetch, or whether the helpdesk was restored from a backup", runId, id, tally.fetched(),
                    tally.alreadyApplied(), Durations.format(rest));
            listener.on(new EngineEvent.RunSpinning(id, runId, tally.fetched(), tally.alreadyApplied(), rest));
        });
    }

    /**
     * Whether this node lost the runner's lease while the run ran: it no longer holds it under the run's epoch, or a
     * write was refused for it. Whatever the run's result: a for-each whose items' writes were refused ends without
     * failing, and a run that ended as succeeded would be closed in the journal before the new owner resumes it.
     */
    private boolean leaseLost(PipeResult result, long epoch) {
        return ownership.epoch(id) != epoch || result instanceof PipeResult.Failed failed && LeaseLost.in(failed.cause());
    }

    private PipeResult lostLease(String runId, long epoch, PipeResult ran) {
        String message = "lease lost: runner '" + id + "' (epoch " + epoch + ") is now owned by another node, which "
                + "resumes the run; it wrote nothing more here and is not retried here (" + ran.message() + ")";
        return PipeResult.failed(message, new LeaseLost(message));
    }

    /** Called before the run releases its slot, so that whoever waits for idleness sees the retry scheduled. */
    private void scheduleRetry(Fire fire, PipeResult result) {
        if (result.failed() && !LeaseLost.in(((PipeResult.Failed) result).cause())
                && fire.attempt() < settings.retry().attempts()) {
            retries.accept(this, fire.retry(clock.instant().plus(settings.retry().delayBefore(fire.attempt() + 1))));
        }
    }

    private void logRun(String runId, Fire fire, PipeResult result, Duration took) {
        long skips = slots.skipped();
        String trigger = fire.triggerId().isEmpty() ? "startup" : fire.triggerId();
        String attempt = fire.attempt() > 1 ? " (attempt " + fire.attempt() + ")" : "";
        String message = result.message().isEmpty() ? "" : ": " + result.message();
        if (result.failed()) {
            log.warn("Run {} of runner '{}' by '{}'{} failed in {} ms{}", runId, id, trigger, attempt, took.toMillis(), message);
        } else {
            log.info("Run {} of runner '{}' by '{}'{} {} in {} ms{}{}", runId, id, trigger, attempt, result.outcome(),
                    took.toMillis(), message, skips > 0 ? " (" + skips + " fires skipped while busy so far)" : "");
        }
    }
}
