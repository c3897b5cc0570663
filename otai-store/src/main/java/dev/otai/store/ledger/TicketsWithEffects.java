package dev.otai.store.ledger;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which tickets the ledger may have pending or applied rows for, so that a ticket that certainly has none is
 * written without reading the table first (most tickets a run meets are new to the ledger). A fixed filter of
 * {@value #BITS} bits (256 KiB, whatever the number of tickets): each ticket id marks {@value #PROBES} of them; a
 * ticket with none of its bits marked was never marked. A ticket whose bits are all marked "may have rows" and is
 * read from the table as before, so the set errs only towards a read: about 1 ticket in 400 with 100,000 tickets
 * marked, 1 in 2 with a million. Marked from the table's ticket ids once, when the ledger opens the store, and for
 * every row the ledger records from then on; rows deleted later (retention) leave their marks. Thread-safe.
 */
final class TicketsWithEffects {

    static final int BITS = 1 << 21;
    static final int PROBES = 3;

    private final AtomicLongArray words = new AtomicLongArray(BITS / Long.SIZE);

    void mark(String ticketId) {
        long hash = spread(ticketId);
        for (int i = 0; i < PROBES; i++) {
            int bit = bit(hash, i);
            long mask = 1L << bit;
            int word = bit >>> 6;
            if ((words.get(word) & mask) == 0) {
                words.getAndAccumulate(word, mask, (a, b) -> a | b);
            }
        }
    }

    /** False when {@code ticketId} was never marked; true when it may have been. */
    boolean mayHave(String ticketId) {
        long hash = spread(ticketId);
        for (int i = 0; i < PROBES; i++) {
            int bit = bit(hash, i);
            if ((words.get(bit >>> 6) & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Two independent 32-bit hashes of the id, the second one odd so that the probes differ. */
    private static long spread(String ticketId) {
        long h = ticketId.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return h;
    }

    private static int bit(long hash, int probe) {
        int first = (int) hash;
        int second = (int) (hash >>> 32) | 1;
        return (first + probe * second) & (BITS - 1);
    }
}
