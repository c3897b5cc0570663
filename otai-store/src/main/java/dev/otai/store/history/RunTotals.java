package dev.otai.store.history;

import dev.otai.store.Store;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many runs the store holds, by runner, outcome and node: in clustered mode those of every engine of the cluster
 * (within retention; dry runs left out). One grouped query, made at most once per {@code maxAge} however often it is
 * asked (a metrics scrape asks once per gauge); between reads, the last answer. Thread-safe.
 */
public final class RunTotals {

    /** One group of runs. */
    public record Key(String runner, String outcome, String node) {
    }

    private final Store store;
    private final Duration maxAge;
    private final ReentrantLock reading = new ReentrantLock();
    private Map<Key, Long> last = Map.of(); // guarded by reading
    private Instant readAt; // guarded by reading; null: never read

    public RunTotals(Store store, Duration maxAge) {
        this.store = store;
        this.maxAge = maxAge;
    }

    /** The counts, read from the store when the last read is older than {@code maxAge}. */
    public Map<Key, Long> counts() {
        reading.lock();
        try {
            Instant now = store.clock().instant();
            if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
                last = read();
                readAt = now;
            }
            return last;
        } finally {
            reading.unlock();
        }
    }

    private Map<Key, Long> read() {
        return store.read(c -> {
            var counts = new LinkedHashMap<Key, Long>();
            try (var s = c.prepareStatement("SELECT runner_id, outcome, node, COUNT(*) FROM runs WHERE dry_run = FALSE "
                    + "GROUP BY runner_id, outcome, node ORDER BY runner_id, outcome, node"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(new Key(r.getString(1), r.getString(2), r.getString(3)), r.getLong(4));
                }
            }
            return Map.copyOf(counts);
        });
    }
}
