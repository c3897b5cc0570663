package dev.otai.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Edit distance, for "did you mean" suggestions. */
public final class Similarity {

    private Similarity() {
    }

    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The candidate nearest to {@code wanted} (ignoring case), when it is near enough to be a likely typo. */
    public static Optional<String> closest(String wanted, Collection<String> candidates) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT), lower)).thenComparing(c -> c))
                .filter(c -> distance(c.toLowerCase(Locale.ROOT), lower) <= Math.max(2, lower.length() / 3));
    }
}
