package dev.otai.core.orchestration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where accepted events wait in clustered mode, shared by every node: an event that reaches any node is stored once
 * for each runner attached to its trigger, and the node that owns a runner ({@link RunnerOwnership}) claims that
 * runner's events and runs each once. Offered to the engine as a facility; without one (the embedded store) events
 * wait in the runners' queues in memory.
 */
public interface EventInbox {

    /**
     * Stores {@code event} of {@code triggerId} once for each runner of {@code bounds}, all or none, committed
     * before it returns. {@code bounds} says, per runner, how many of its events may wait unfinished; returns
     * false, storing nothing, when one already has that many.
     *
     * @throws Unreachable when the database cannot take it; nothing was stored and the sender should retry
     */
    boolean store(String triggerId, Map<String, Integer> bounds, Map<String, Object> event);

    /**
     * Claims, oldest first, up to {@code room} events of {@code runnerId} for this node holding the runner under
     * {@code epoch}: the pending ones, and those that an earlier holder of the runner (an older epoch, or another
     * engine) claimed and did not start. An event an earlier holder started is claimed again only when its run
     * never reached the run journal (it wrote nothing); one the journal knows is left to the journal to resume.
     */
    List<Claimed> claim(String runnerId, long epoch, int room);

    /** Waits up to {@code atMost} for an event to be stored by any node; returns early when one may have been. */
    void awaitStored(Duration atMost) throws InterruptedException;

    /** A database error, such as an unreachable server: the event was not stored. */
    final class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An event this node claimed for one of its runners, and what becomes of it. */
    interface Claimed {

        String runnerId();

        String triggerId();

        Map<String, Object> event();

        /** The epoch under which it was claimed. */
        long epoch();

        /**
         * Records that run {@code runId} runs it; false when it is no longer this node's to run (another holder
         * took it back, or it was released), and then it must not run here.
         */
        boolean start(String runId);

        /** Marks it done once its run has ended; committed no later than anything the run records after. */
        void finished();

        /** Gives it back to pending when its run has not started (a stop, a queue given up); no-op otherwise. */
        void release();
    }

    /** An event that lives in memory only (time fires, retries, embedded mode): nothing to record. */
    Claimed IN_MEMORY = new Claimed() {
        @Override
        public String runnerId() {
            return "";
        }

        @Override
        public String triggerId() {
            return "";
        }

        @Override
        public Map<String, Object> event() {
            return Map.of();
        }

        @Override
        public long epoch() {
            return 0;
        }

        @Override
        public boolean start(String runId) {
            return true;
        }

        @Override
        public void finished() {
        }

        @Override
        public void release() {
        }
    };
}
