package dev.otai.console.overview;

import dev.otai.store.Store;
import dev.otai.store.history.RunQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the overview reads from the run history, each through an index: a runner's last run and the tickets it
 * wrote to, its runs in the last hour and day, and the failed runs of the last day.
 */
final class RunnerFacts {

    static final int FAILED_SHOWN = 20;

    record Facts(Optional<RunQueries.Run> last, int lastTickets, long lastHour, long lastDay) {
    }

    private final Store store;

    RunnerFacts(Store store) {
        this.store = store;
    }

    Facts of(String runnerId, Instant now) {
        return store.inTransaction(c -> {
            Optional<RunQueries.Run> last = last(c, runnerId);
            int tickets = last.isEmpty() ? 0 : tickets(c, last.get().id());
            return new Facts(last, tickets, count(c, runnerId, now.minus(Duration.ofHours(1))),
                    count(c, runnerId, now.minus(Duration.ofDays(1))));
        });
    }

    List<RunQueries.Run> failedSince(Instant since) {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + RunQueries.RUN_COLUMNS + " FROM runs WHERE started_at >= ? "
                    + "AND outcome = 'failed' ORDER BY started_at DESC FETCH FIRST " + FAILED_SHOWN + " ROWS ONLY")) {
                s.setObject(1, since.atOffset(ZoneOffset.UTC));
                var out = new ArrayList<RunQueries.Run>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(RunQueries.run(r));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<RunQueries.Run> last(Connection c, String runnerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + RunQueries.RUN_COLUMNS + " FROM runs WHERE runner_id = ? "
                + "ORDER BY runner_id DESC, started_at DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, runnerId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(RunQueries.run(r)) : Optional.empty();
            }
        }
    }

    private static int tickets(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(DISTINCT ticket_id) FROM effects WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static long count(Connection c, String runnerId, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM runs WHERE runner_id = ? AND started_at >= ?")) {
            s.setString(1, runnerId);
            s.setObject(2, since.atOffset(ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }
}
