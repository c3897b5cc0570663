package dev.otai.api;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one run did to its helpdesks, counted while it runs: tickets fetched, writes sent, and writes skipped
 * because the effect ledger had them as already applied. The runner reads it when the run ends, to tell a run
 * that spins (fetches the same tickets and writes nothing) from one that works. Safe to count from any thread.
 */
public final class RunTally {

    private final boolean counting;
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger alreadyApplied = new AtomicInteger();

    private RunTally(boolean counting) {
        this.counting = counting;
    }

    /** A fresh tally for one run. */
    public static RunTally forRun() {
        return new RunTally(true);
    }

    /** A tally that counts nothing, for executions outside a run. */
    public static RunTally ignoring() {
        return new RunTally(false);
    }

    public void countFetched(int tickets) {
        if (counting) {
            fetched.addAndGet(tickets);
        }
    }

    /** A write sent to a helpdesk (or, in a dry run, planned). */
    public void countWritten() {
        if (counting) {
            written.incrementAndGet();
        }
    }

    /** A write not sent because it was recorded as already applied. */
    public void countAlreadyApplied() {
        if (counting) {
            alreadyApplied.incrementAndGet();
        }
    }

    public int fetched() {
        return fetched.get();
    }

    public int written() {
        return written.get();
    }

    public int alreadyApplied() {
        return alreadyApplied.get();
    }

    @Override
    public String toString() {
        return "fetched " + fetched() + ", written " + written() + ", already applied " + alreadyApplied();
    }
}
