package dev.otai.core.orchestration;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In clustered mode, brings the stored events of the runners this engine owns to their runtimes: for each owned
 * runner it claims, oldest first, as many events as the runner can take without exceeding its queue's bound
 * ({@link EventInbox#claim}), and fires them. It waits for the inbox to say that an event was stored, or for a
 * second, whichever comes first, so that room freed by finished runs and runners taken over from another engine
 * are seen within a second. A claimed event runs only while this engine still holds its runner under the epoch of
 * the claim; at a stop, the claimed events that have not started go back to pending.
 */
final class InboxClaims {

    private static final Logger log = LoggerFactory.getLogger(InboxClaims.class);
    static final Duration POLL = Duration.ofSeconds(1);
    private static final int MOST_PER_CLAIM = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final EventInbox inbox;
    private final RunnerOwnership ownership;
    private final Runners runners;
    private final InstantSource clock;
    private volatile boolean stopping;
    private volatile Thread thread;
    private boolean failing; // only the claiming thread reads and writes it

    InboxClaims(EventInbox inbox, RunnerOwnership ownership, Runners runners, InstantSource clock) {
        this.inbox = inbox;
        this.ownership = ownership;
        this.runners = runners;
        this.clock = clock;
    }

    void start() {
        thread = Thread.ofVirtual().name("otai-event-claims").start(this::loop);
    }

    private void loop() {
        while (!stopping) {
            claimRound();
            try {
                inbox.awaitStored(POLL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Claims for every owned runner what it has room for; a database error is said once until claims work again. */
    private void claimRound() {
        try {
            for (RunnerRuntime runtime : runners.runtimes()) {
                if (stopping) {
                    return;
                }
                claimFor(runtime);
            }
            if (failing) {
                log.info("Claiming stored events works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Cannot claim stored events ({}); trying again every {} s", e.getMessage(), POLL.toSeconds());
                failing = true;
            }
        }
    }

    private void claimFor(RunnerRuntime runtime) {
        String runnerId = runtime.id();
        if (!ownership.owns(runnerId)) {
            return;
        }
        int room = Math.min(runtime.room(), MOST_PER_CLAIM);
        if (room == 0) {
            return;
        }
        for (EventInbox.Claimed claimed : inbox.claim(runnerId, ownership.epoch(runnerId), room)) {
            runtime.fire(Fire.of(new Held(claimed), clock.instant()));
        }
    }

    /**
     * Stops claiming (waits for a claim under way to end), then gives the stored events still queued in the
     * runners back to pending; returns how many went back.
     */
    int stop() throws InterruptedException {
        stopping = true;
        Thread claiming = thread;
        if (claiming != null && !claiming.join(STOP_WAIT)) {
            claiming.interrupt();
            claiming.join(STOP_WAIT);
        }
        int given = 0;
        for (RunnerRuntime runtime : runners.everyRuntime()) {
            given += runtime.withdrawStored();
        }
        return given;
    }

    /** A claimed event that starts only while this engine holds its runner under the claim's epoch. */
    private final class Held implements EventInbox.Claimed {

        private final EventInbox.Claimed claimed;

        Held(EventInbox.Claimed claimed) {
            this.claimed = claimed;
        }

        @Override
        public String runnerId() {
            return claimed.runnerId();
        }

        @Override
        public String triggerId() {
            return claimed.triggerId();
        }

        @Override
        public Map<String, Object> event() {
            return claimed.event();
        }

        @Override
        public long epoch() {
            return claimed.epoch();
        }

        @Override
        public boolean start(String runId) {
            if (!ownership.owns(runnerId()) || ownership.epoch(runnerId()) != epoch()) {
                claimed.release();
                return false;
            }
            return claimed.start(runId);
        }

        @Override
        public void finished() {
            claimed.finished();
        }

        @Override
        public void release() {
            claimed.release();
        }
    }
}
