package dev.otai.bench;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of one round's samples. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(List<Long> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples; expected at least one");
        }
        sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
    }

    long at(double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long max() {
        return sorted[sorted.length - 1];
    }
}
