package dev.otai.console.tickets;

import dev.otai.console.runs.ItemGroups;
import dev.otai.store.Json;
import dev.otai.store.Store;
import dev.otai.store.history.RunQueries;
import dev.otai.store.ledger.Effect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything otai did to one ticket, run by run in time order: the runs whose writes the ledger recorded for it
 * (the ledger's ticket index finds them), in each the classifications of the for-each items (or top-level steps)
 * that named the ticket, and the writes.
 */
final class TicketTimeline {

    static final int MAX_WRITES = 500;
    static final int MAX_RUNS = 50;

    record Write(Effect effect, Instant at) {
    }

    record RunEntry(RunQueries.Run run, List<Classification> classifications, List<Write> writes) {
    }

    private final Store store;

    TicketTimeline(Store store) {
        this.store = store;
    }

    /** The runs that wrote to {@code ticketId}, oldest first; the newest {@value #MAX_RUNS} when there are more. */
    List<RunEntry> of(String ticketId) {
        return store.inTransaction(c -> {
            Map<String, List<Write>> writesByRun = writes(c, ticketId);
            var runIds = new ArrayList<>(writesByRun.keySet());
            List<String> shown = runIds.subList(Math.max(0, runIds.size() - MAX_RUNS), runIds.size());
            var entries = new ArrayList<RunEntry>();
            for (String runId : shown) {
                Optional<RunQueries.Run> run = run(c, runId);
                if (run.isEmpty()) {
                    continue;
                }
                entries.add(new RunEntry(run.get(), classifications(RunQueries.steps(c, runId), ticketId), writesByRun.get(runId)));
            }
            return entries;
        });
    }

    private static Map<String, List<Write>> writes(Connection c, String ticketId) throws SQLException {
        var byRun = new LinkedHashMap<String, List<Write>>();
        try (PreparedStatement s = c.prepareStatement("SELECT idem_key, run_id, runner_id, step_id, ticket_id, operation, detail_json, "
                + "status, created_at FROM effects WHERE ticket_id = ? ORDER BY ticket_id DESC, created_at DESC FETCH FIRST "
                + MAX_WRITES + " ROWS ONLY")) {
            s.setString(1, ticketId);
            var rows = new ArrayList<Write>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Write(new Effect(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), Json.readMap(r.getString(7)), r.getString(8)),
                            r.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
            for (Write write : rows.reversed()) {
                byRun.computeIfAbsent(write.effect().runId(), k -> new ArrayList<>()).add(write);
            }
        }
        return byRun;
    }

    private static Optional<RunQueries.Run> run(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + RunQueries.RUN_COLUMNS
                + " FROM runs WHERE id = ? ORDER BY run_key DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(RunQueries.run(r)) : Optional.empty();
            }
        }
    }

    /** The classifications of the items whose steps named the ticket, and of top-level steps when the run has no items. */
    static List<Classification> classifications(List<RunQueries.Step> steps, String ticketId) {
        ItemGroups groups = ItemGroups.of(steps);
        var out = new ArrayList<Classification>();
        for (ItemGroups.Item item : groups.items().values()) {
            if (ticketId.equals(item.ticketId())) {
                item.steps().forEach(step -> Classification.of(step).ifPresent(out::add));
            }
        }
        if (groups.items().isEmpty()) {
            groups.top().forEach(step -> Classification.of(step).ifPresent(out::add));
        }
        return out;
    }
}
