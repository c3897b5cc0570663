package dev.otai.store.history;

import dev.otai.core.config.StorageSettings;
import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the history within its limits: runs older than {@code max_age}, and all but the newest {@code max_runs},
 * are deleted with their steps; ledger entries older than {@code max_age} go too, and so do the stored events of
 * clustered mode that ran (or were set aside) before then. Runs in the background.
 */
public final class Retention implements AutoCloseable {

    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Store store;
    private final StorageSettings settings;
    private ScheduledExecutorService scheduler;

    public Retention(Store store, StorageSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** What one pruning removed. */
    public record Pruned(int runs, int steps, int effects, int events) {
    }

    /** Prunes now. */
    public Pruned prune() {
        Instant now = store.clock().instant();
        OffsetDateTime oldest = now.minus(settings.maxAge()).atOffset(ZoneOffset.UTC);
        return store.inTransaction(c -> {
            Object[] limits = firstKeptByCount(c).map(kept -> new Object[] {oldest, kept.startedAt(), kept.startedAt(), kept.key()})
                    .orElse(new Object[] {oldest, oldest, oldest, 0L});
            String old = "SELECT run_key FROM runs WHERE started_at < ? OR started_at < ? OR (started_at = ? AND run_key < ?)";
            int steps = delete(c, "DELETE FROM run_steps WHERE run_key IN (" + old + ")", limits);
            int runs = delete(c, "DELETE FROM runs WHERE run_key IN (" + old + ")", limits);
            int effects = delete(c, "DELETE FROM effects WHERE created_at < ?", oldest);
            int events = delete(c, "DELETE FROM trigger_events WHERE finished_at < ?", oldest);
            return new Pruned(runs, steps, effects, events);
        });
    }

    /** A run's place in the order runs are kept by: newest start first, then (one engine's runs) newest key first. */
    private record Kept(OffsetDateTime startedAt, long key) {
    }

    /**
     * The oldest run among the newest {@code max_runs}, by start time (keys grow with each run of one engine, but not
     * across the engines of a cluster); empty when fewer exist.
     */
    private Optional<Kept> firstKeptByCount(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT started_at, run_key FROM runs ORDER BY started_at DESC, "
                + "run_key DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
            s.setLong(1, settings.maxRuns() - 1);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new Kept(rows.getObject(1, OffsetDateTime.class), rows.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    private static int delete(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Prunes now and then every hour on a daemon thread, until closed. */
    public Retention startInBackground() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("otai-retention").factory());
        scheduler.scheduleWithFixedDelay(this::pruneQuietly, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    private void pruneQuietly() {
        try {
            Pruned pruned = prune();
            if (pruned.runs() > 0 || pruned.effects() > 0 || pruned.events() > 0) {
                log.info("Pruned {} runs ({} steps), {} ledger entries and {} run events past the retention limits",
                        pruned.runs(), pruned.steps(), pruned.effects(), pruned.events());
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the run history failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
