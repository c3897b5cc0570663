package dev.otai.console.classification;

import dev.otai.console.tickets.Classification;
import dev.otai.store.Json;
import dev.otai.store.Store;
import dev.otai.store.history.RunQueries;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The classifications of the last {@value #DAYS} days (the newest {@value #MAX_STEPS} at most, dry runs left out),
 * counted: tickets per label per day, confidence in ten bins, and how many went to the fallback label. It reads
 * the steps of recent runs by their key range, so the cost does not grow with the history's age.
 */
final class ClassificationStats {

    static final int DAYS = 14;
    static final int MAX_STEPS = 5_000;
    static final int BINS = 10;
    /** The pipe whose steps are counted (through the index on {@code run_steps.pipe_use}). */
    static final String CLASSIFICATION = "base:ClassificationPipe";

    record Stats(TreeMap<LocalDate, Map<String, Integer>> perDay, TreeSet<String> labels, int[] histogram, int total,
                 int fallback, boolean capped) {
    }

    private final Store store;

    ClassificationStats(Store store) {
        this.store = store;
    }

    Stats since(Instant now) {
        Instant since = now.minus(Duration.ofDays(DAYS));
        return store.inTransaction(c -> {
            long firstKey;
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(run_key) FROM runs WHERE started_at >= ?")) {
                s.setObject(1, since.atOffset(ZoneOffset.UTC));
                try (ResultSet r = s.executeQuery()) {
                    firstKey = r.next() && r.getObject(1) != null ? r.getLong(1) : Long.MAX_VALUE;
                }
            }
            var perDay = new TreeMap<LocalDate, Map<String, Integer>>();
            var labels = new TreeSet<String>();
            int[] histogram = new int[BINS];
            int total = 0;
            int fallback = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT s.finished_at, s.data_json FROM run_steps s "
                    + "JOIN runs r ON r.run_key = s.run_key WHERE s.pipe_use = ? AND s.run_key >= ? "
                    + "AND r.dry_run = FALSE ORDER BY s.pipe_use DESC, s.run_key DESC FETCH FIRST " + MAX_STEPS + " ROWS ONLY")) {
                s.setString(1, CLASSIFICATION);
                s.setLong(2, firstKey);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        // the label, confidence and threshold decision are all in the result; the params are not read
                        var step = new RunQueries.Step(0, "", "", "", "", "succeeded", "", Duration.ZERO, Map.of(),
                                Json.readMap(r.getString(2)));
                        var found = Classification.of(step);
                        if (found.isEmpty()) {
                            continue;
                        }
                        Classification classification = found.get();
                        LocalDate day = r.getObject(1, OffsetDateTime.class).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
                        perDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(classification.label(), 1, Integer::sum);
                        labels.add(classification.label());
                        histogram[Math.min(BINS - 1, Math.max(0, (int) (classification.confidence() * BINS)))]++;
                        total++;
                        if (Boolean.FALSE.equals(classification.accepted())) {
                            fallback++;
                        }
                    }
                }
            }
            return new Stats(perDay, labels, histogram, total, fallback, total >= MAX_STEPS);
        });
    }
}
