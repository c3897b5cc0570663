package dev.otai.store.events;

import dev.otai.core.orchestration.EventInbox;
import dev.otai.store.Sql;
import dev.otai.store.Store;
import dev.otai.store.Write;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event this engine claimed: claimed, then started by one run and done when the run ends, or released back
 * to pending. The start is a conditional update in the database (still claimed, by this engine, under this epoch),
 * so that an event a newer holder of the runner took back never runs here; its done mark is queued with the run's
 * own records, ahead of the run journal's, so the journal never forgets a run whose event is not yet done.
 */
final class StoredEvent implements EventInbox.Claimed {

    private static final Logger log = LoggerFactory.getLogger(StoredEvent.class);
    private static final String START = "UPDATE trigger_events SET state = 'started', run_id = ? "
            + "WHERE id = ? AND state = 'claimed' AND claimed_by = ? AND claim_epoch = ?";
    private static final String RELEASE = "UPDATE trigger_events SET state = 'pending', claimed_by = NULL, "
            + "claim_epoch = NULL, claimed_at = NULL WHERE id = ? AND state = 'claimed' AND claimed_by = ? AND claim_epoch = ?";

    private enum State { CLAIMED, STARTED, DONE, RELEASED }

    private final Store store;
    private final String holder;
    private final long id;
    private final String runnerId;
    private final String triggerId;
    private final Map<String, Object> event;
    private final long epoch;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLAIMED);

    StoredEvent(Store store, String holder, long id, String runnerId, String triggerId, Map<String, Object> event,
                long epoch) {
        this.store = store;
        this.holder = holder;
        this.id = id;
        this.runnerId = runnerId;
        this.triggerId = triggerId;
        this.event = event;
        this.epoch = epoch;
    }

    @Override
    public String runnerId() {
        return runnerId;
    }

    @Override
    public String triggerId() {
        return triggerId;
    }

    @Override
    public Map<String, Object> event() {
        return event;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public boolean start(String runId) {
        if (!state.compareAndSet(State.CLAIMED, State.STARTED)) {
            return false;
        }
        try {
            int updated = store.inTransaction(c -> StoredEvents.update(c, START, s -> {
                s.setString(1, runId);
                s.setLong(2, id);
                s.setString(3, holder);
                s.setLong(4, epoch);
            }));
            if (updated == 1) {
                return true;
            }
            log.info("Event {} of runner '{}' was taken back by a newer holder of the runner; not run here", id, runnerId);
        } catch (RuntimeException e) {
            log.warn("Event {} of runner '{}' is not run here: its start cannot be recorded ({}); the runner's next "
                    + "holder runs it", id, runnerId, e.getMessage());
        }
        state.set(State.RELEASED);
        return false;
    }

    @Override
    public void finished() {
        if (state.compareAndSet(State.STARTED, State.DONE)) {
            store.later(Write.of(Sql.EVENT_DONE, store.clock().instant(), id));
        }
    }

    @Override
    public void release() {
        if (!state.compareAndSet(State.CLAIMED, State.RELEASED)) {
            return;
        }
        try {
            store.inTransaction(c -> StoredEvents.update(c, RELEASE, s -> {
                s.setLong(1, id);
                s.setString(2, holder);
                s.setLong(3, epoch);
            }));
        } catch (RuntimeException e) {
            log.warn("Event {} of runner '{}' cannot go back to pending now ({}); the runner's next holder claims it",
                    id, runnerId, e.getMessage());
        }
    }
}
