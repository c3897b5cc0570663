package dev.otai.ml.linear;

/**
 * An open-addressing table from 64-bit term hashes to ints (counts or feature indices), without boxing: a ticket
 * has thousands of character n-grams, and a vocabulary hundreds of thousands of terms.
 */
final class TermTable {

    private static final long EMPTY = 0L;

    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasZero;
    private int zeroValue;

    TermTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        if (key == EMPTY) {
            return hasZero ? zeroValue : -1;
        }
        int mask = keys.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
            if (keys[slot] == EMPTY) {
                return -1;
            }
        }
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0); returns the new value. */
    int add(long key, int delta) {
        if (key == EMPTY) {
            zeroValue = hasZero ? zeroValue + delta : delta;
            hasZero = true;
            return zeroValue;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        values[slot] += delta;
        return values[slot];
    }

    /** The keys, in no particular order. */
    long[] keys() {
        long[] out = new long[size()];
        int n = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                out[n++] = key;
            }
        }
        if (hasZero) {
            out[n] = EMPTY;
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
