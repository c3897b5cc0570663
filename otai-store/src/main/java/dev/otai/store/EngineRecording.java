package dev.otai.store;

import dev.otai.core.assembly.Facilities;
import dev.otai.core.assembly.ServiceDecorator;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.EventInbox;
import dev.otai.core.orchestration.RunJournal;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.core.orchestration.StepListener;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.events.StoredEvents;
import dev.otai.store.history.Retention;
import dev.otai.store.history.RunHistory;
import dev.otai.store.ledger.Effect;
import dev.otai.store.ledger.EffectLedger;
import dev.otai.store.journal.StoreJournal;
import dev.otai.store.ledger.LedgerDecorator;
import java.util.List;
import java.util.Optional;

/**
 * What the engine records in the store while it runs: the run history (runs and steps), the effect ledger
 * (every ticket write, deduplicated and capped, or only planned in a dry run), the run journal (each run's step
 * results, so that a run the engine did not finish is resumed at the next start; not in a dry run), and
 * background pruning; in clustered mode, the event inbox the nodes share. The composition root adds
 * {@link #facilities} to the engine and passes {@link #listener} as
 * its engine listener.
 */
public final class EngineRecording implements AutoCloseable {

    private final Store store;
    private final RunHistory history;
    private final EffectLedger ledger;
    private final LedgerDecorator decorator;
    private final RunJournal journal;
    private final Retention retention;
    /** Clustered mode's event inbox: present when other engines share the store, and not in a dry run. */
    private final Optional<StoredEvents> events;

    private final Redactor redactor;

    private final RunnerOwnership ownership;

    private EngineRecording(Store store, StorageSettings settings, boolean dryRun, Redactor redactor,
                            RunnerOwnership ownership) {
        this.store = store;
        this.ownership = ownership;
        this.redactor = redactor;
        this.history = new RunHistory(store, settings, dryRun, redactor);
        this.ledger = new EffectLedger(store, settings.ledger(), redactor);
        TestFault fault = TestFault.fromEnvironment();
        this.decorator = new LedgerDecorator(ledger, dryRun, fault, ownership);
        this.journal = dryRun ? RunJournal.NONE : new StoreJournal(store, redactor, fault, ownership);
        this.retention = new Retention(store, settings);
        this.events = store.clustered() && !dryRun ? Optional.of(new StoredEvents(store, store.node())) : Optional.empty();
    }

    /**
     * Starts recording into {@code store}; with {@code dryRun}, ticket writes are recorded as planned and not sent.
     * {@code redactor} is the engine's: it is added to the facilities, so the engine teaches it the secrets that
     * the history then keeps out of the store.
     */
    public static EngineRecording start(Store store, StorageSettings settings, boolean dryRun, Redactor redactor) {
        return start(store, settings, dryRun, redactor, RunnerOwnership.ALONE);
    }

    /**
     * As {@link #start(Store, StorageSettings, boolean, Redactor)}, for one node of a cluster: the engine runs only
     * the runners {@code ownership} holds, and every write of a run is fenced by its runner's lease.
     */
    public static EngineRecording start(Store store, StorageSettings settings, boolean dryRun, Redactor redactor,
                                        RunnerOwnership ownership) {
        var recording = new EngineRecording(store, settings, dryRun, redactor, ownership);
        recording.history.abandonUnfinished(); // in a cluster, this node's; the others' per runner as it gains them
        recording.retention.startInBackground();
        return recording;
    }

    /**
     * Records a dry run made beside a running engine on the same store (the console's): writes are only planned,
     * and the running engine's unfinished runs are left alone and nothing is pruned.
     */
    public static EngineRecording dryRunBeside(Store store, StorageSettings settings, Redactor redactor) {
        return new EngineRecording(store, settings, true, redactor, RunnerOwnership.ALONE);
    }

    /**
     * Adds the store, the step listener and the ticket-system decorator to the engine's facilities, and in clustered
     * mode the event inbox through which every node's accepted events reach the runners' owners.
     */
    public Facilities.Builder facilities(Facilities.Builder builder) {
        return facilities(builder, StepListener.NONE);
    }

    /** The same, with {@code also} told about every step after the recording. */
    public Facilities.Builder facilities(Facilities.Builder builder, StepListener also) {
        events.ifPresent(inbox -> builder.add(EventInbox.class, inbox));
        return builder.add(Store.class, store)
                .add(Redactor.class, redactor)
                .add(StepListener.class, StepListener.both(StepListener.both(decorator.steps(), history), also))
                .add(RunJournal.class, journal)
                .add(RunnerOwnership.class, ownership)
                .add(ServiceDecorator.class, decorator);
    }

    /**
     * The engine listener that records runs, then tells {@code next}. When a run ends, what it queued for the store
     * is committed before {@code next} hears of it, so that a reader of the history sees the whole run.
     */
    public EngineListener listener(EngineListener next) {
        return event -> {
            history.on(event);
            decorator.on(event);
            if (journal instanceof StoreJournal stored) {
                stored.on(event);
                if (event instanceof EngineEvent.RunStarted started && stored.resuming(started.runId())) {
                    store.durable(); // a resumed run is in the history before it can be interrupted again
                }
            }
            if (event instanceof EngineEvent.RunFinished) {
                store.flush();
            }
            next.on(event);
        };
    }

    /**
     * In a cluster, as this node gains runner {@code runnerId} and before it runs it: the runner's runs that its
     * previous node left unfinished are marked abandoned in the history (the run journal resumes them).
     */
    public void gaining(String runnerId) {
        history.abandonUnfinished(runnerId);
    }

    /** Intended writes recorded so far by a dry run, in order. */
    public List<Effect> plannedEffects() {
        return decorator.planned();
    }

    @Override
    public void close() throws InterruptedException {
        events.ifPresent(StoredEvents::close);
        retention.close();
        store.flush();
    }
}
