package dev.otai.core.orchestration;

import dev.otai.api.RunTally;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a spinning runner from re-running at full rate. A run spins when it fetched tickets and every write it
 * meant to make was skipped as already applied: the tickets still match its fetch, so the next fire would do the
 * same again. After such a run the runner rests ({@link #FIRST} after the first, doubling after each further one,
 * at most {@link #CAP}); a run that writes anything, or fetches nothing, ends the back-off.
 */
final class SpinBackoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration CAP = Duration.ofMinutes(30);

    private int spins;
    private Instant restUntil;

    /** Whether a run with this tally spins. */
    static boolean spins(RunTally tally) {
        return tally.fetched() > 0 && tally.written() == 0 && tally.alreadyApplied() > 0;
    }

    /**
     * Takes a finished run into account: the rest it starts when it spun, empty when it did not. Whether this run
     * ended an earlier back-off is {@link #endedBy}.
     */
    synchronized Optional<Duration> after(RunTally tally, Instant now) {
        if (!spins(tally)) {
            spins = 0;
            restUntil = null;
            return Optional.empty();
        }
        spins++;
        Duration rest = restAfter(spins);
        restUntil = now.plus(rest);
        return Optional.of(rest);
    }

    /** Whether a run with this tally ends a back-off in force. */
    synchronized boolean endedBy(RunTally tally) {
        return spins > 0 && !spins(tally);
    }

    /** Whether the runner rests at {@code now}. */
    synchronized boolean resting(Instant now) {
        return restUntil != null && now.isBefore(restUntil);
    }

    static Duration restAfter(int spins) {
        int doublings = Math.min(spins - 1, 20);
        Duration rest = FIRST.multipliedBy(1L << doublings);
        return rest.compareTo(CAP) > 0 ? CAP : rest;
    }
}
