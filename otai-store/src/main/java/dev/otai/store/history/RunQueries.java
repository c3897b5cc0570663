package dev.otai.store.history;

import dev.otai.store.Json;
import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the run history: runs newest first, filtered, and one run with its steps. */
public final class RunQueries {

    /** The columns {@link #run(ResultSet)} reads, for queries of other features over the same table. */
    public static final String RUN_COLUMNS = "run_key, id, runner_id, trigger_id, started_at, duration_ms, outcome, message, "
            + "attempt, dry_run, step_count, steps_dropped, node";

    private final Store store;

    public RunQueries(Store store) {
        this.store = store;
    }

    /** Which runs to list; null filters match everything. */
    public record Filter(String runnerId, boolean failedOnly, Instant since, int limit) {
    }

    /**
     * One run as listed. {@code outcome} is {@code running} until it ends (or forever, when the engine died);
     * {@code node} is the engine it ran on (empty for runs recorded before runs recorded it).
     */
    public record Run(String id, String runnerId, String triggerId, Instant started, Duration duration, String outcome,
                      String message, int attempt, boolean dryRun, int steps, int stepsDropped, String node) {
    }

    /** One recorded step of a run, in the order the steps ended. */
    /** {@code scope} is empty at the top of the run and {@code item 3} (or nested, {@code item 3/item 0}) in a for-each. */
    public record Step(int seq, String pipeId, String use, String path, String scope, String outcome, String message,
                       Duration duration, Map<String, Object> params, Map<String, Object> data) {
    }

    public record RunDetail(Run run, List<Step> steps) {
    }

    public List<Run> list(Filter filter) {
        var sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM runs WHERE 1 = 1");
        var args = new ArrayList<Object>();
        if (filter.runnerId() != null) {
            sql.append(" AND runner_id = ?");
            args.add(filter.runnerId());
        }
        if (filter.failedOnly()) {
            sql.append(" AND outcome = 'failed'");
        }
        if (filter.since() != null) {
            sql.append(" AND started_at >= ?");
            args.add(filter.since().atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY started_at DESC, run_key DESC FETCH FIRST ? ROWS ONLY");
        args.add(filter.limit());
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                var out = new ArrayList<Run>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        out.add(run(rows));
                    }
                }
                return out;
            }
        });
    }

    /** The newest run with this id, with its steps. */
    public Optional<RunDetail> show(String runId) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS
                    + " FROM runs WHERE id = ? ORDER BY run_key DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, runId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RunDetail(run(rows), steps(c, rows.getLong("run_key"))));
                }
            }
        });
    }

    /** The steps of the newest run with this id, in the order they ended; empty when there is no such run. */
    public static List<Step> steps(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT run_key FROM runs WHERE id = ? ORDER BY run_key DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? steps(c, rows.getLong(1)) : List.of();
            }
        }
    }

    private static List<Step> steps(Connection c, long runKey) throws SQLException {
        var out = new ArrayList<Step>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, pipe_id, pipe_use, path, scope, outcome, message, duration_us, "
                + "params_json, data_json FROM run_steps WHERE run_key = ? ORDER BY seq")) {
            s.setLong(1, runKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Step(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), Duration.ofNanos(r.getLong(8) * 1000), Json.readMap(r.getString(9)),
                            Json.readMap(r.getString(10))));
                }
            }
        }
        return out;
    }

    /** Reads a run from a row that has the columns of {@link #RUN_COLUMNS}. */
    public static Run run(ResultSet r) throws SQLException {
        long millis = r.getLong("duration_ms");
        Duration duration = r.wasNull() ? null : Duration.ofMillis(millis);
        return new Run(r.getString("id"), r.getString("runner_id"), r.getString("trigger_id"),
                r.getObject("started_at", OffsetDateTime.class).toInstant(), duration, r.getString("outcome"),
                r.getString("message"), r.getInt("attempt"), r.getBoolean("dry_run"), r.getInt("step_count"),
                r.getInt("steps_dropped"), r.getString("node"));
    }
}
