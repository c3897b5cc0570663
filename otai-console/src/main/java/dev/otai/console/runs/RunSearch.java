package dev.otai.console.runs;

import dev.otai.store.Store;
import dev.otai.store.history.RunQueries;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs matching a {@link RunFilter}, newest first, a page at a time; the ticket filter goes through the ledger. */
final class RunSearch {

    private final Store store;

    RunSearch(Store store) {
        this.store = store;
    }

    List<RunQueries.Run> find(RunFilter filter, int limit) {
        var sql = new StringBuilder("SELECT " + RunQueries.RUN_COLUMNS + " FROM runs WHERE 1 = 1");
        var args = new ArrayList<Object>();
        if (filter.runner() != null) {
            sql.append(" AND runner_id = ?");
            args.add(filter.runner());
        }
        if (filter.outcome() != null) {
            sql.append(" AND outcome = ?");
            args.add(filter.outcome());
        }
        if (filter.from() != null) {
            sql.append(" AND started_at >= ?");
            args.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND started_at < ?");
            args.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.before() != null) {
            sql.append(" AND started_at < ?");
            args.add(filter.before().atOffset(ZoneOffset.UTC));
        }
        if (filter.ticket() != null) {
            sql.append(" AND id IN (SELECT run_id FROM effects WHERE ticket_id = ?)");
            args.add(filter.ticket());
        }
        sql.append(" ORDER BY started_at DESC, run_key DESC FETCH FIRST ? ROWS ONLY");
        args.add(limit);
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                var out = new ArrayList<RunQueries.Run>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        out.add(RunQueries.run(rows));
                    }
                }
                return out;
            }
        });
    }
}
