package dev.otai.bench;

import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A run history as a busy engine leaves it, written straight into the store: {@code runs} runs of three runners
 * spread evenly over the last 30 days, 1 % failed; each run a fetch, a for-each and one item (classify, move,
 * note) with the step data the real pipes record, and two ledger writes to one of {@code tickets} tickets.
 */
final class ConsoleHistory {

    static final List<String> RUNNERS = List.of("route_new", "route_webhook", "nightly_recheck");
    static final List<String> LABELS = List.of("Billing", "IT", "HR", "Facilities", "Shipping", "Sales");
    private static final int BATCH = 2_000;

    private ConsoleHistory() {
    }

    static String ticketId(int i, int tickets) {
        return "T-" + (i % tickets + 1);
    }

    static void seed(Store store, int runs, int tickets, Instant now) {
        Duration span = Duration.ofDays(30);
        for (int from = 0; from < runs; from += BATCH) {
            int first = from;
            int last = Math.min(runs, from + BATCH);
            store.inTransaction(c -> {
                insert(c, first, last, runs, tickets, now.minus(span), span);
                return null;
            });
        }
    }

    private static void insert(Connection c, int first, int last, int runs, int tickets, Instant start, Duration span) throws SQLException {
        try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (run_key, id, runner_id, trigger_id, started_at, finished_at, "
                + "duration_ms, outcome, message, attempt, dry_run, step_count, steps_dropped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, FALSE, 5, 0)");
             PreparedStatement step = c.prepareStatement("INSERT INTO run_steps (run_key, seq, pipe_id, pipe_use, path, scope, outcome, "
                     + "message, duration_us, finished_at, params_json, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement effect = c.prepareStatement("INSERT INTO effects (idem_key, run_id, runner_id, step_id, ticket_id, "
                     + "operation, detail_json, status, base_version, version_after, created_at, settled_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, 'applied', '1', '2', ?, ?)")) {
            for (int i = first; i < last; i++) {
                long key = i + 1L;
                String id = String.format(Locale.ROOT, "%08x", i * 2654435761L & 0xffffffffL);
                String runner = RUNNERS.get(i % RUNNERS.size());
                OffsetDateTime at = start.plusMillis(span.toMillis() * i / runs).atOffset(ZoneOffset.UTC);
                boolean failed = i % 100 == 99;
                String ticket = ticketId(i, tickets);
                String label = LABELS.get(i % LABELS.size());
                double confidence = 0.3 + (i % 70) / 100.0;
                run.setLong(1, key);
                run.setString(2, id);
                run.setString(3, runner);
                run.setString(4, "every_minute");
                run.setObject(5, at);
                run.setObject(6, at.plusNanos(180_000_000));
                run.setLong(7, 180);
                run.setString(8, failed ? "failed" : "succeeded");
                run.setString(9, failed ? "step 'each_ticket' failed: item 0: step 'move' failed: HTTP 503 from the helpdesk"
                        : "1 tickets found; 1 items: 1 succeeded, 0 failed, 0 skipped");
                run.addBatch();
                step(step, key, 1, "fetch", "base:FetchTicketsPipe", "", "{\"ticket_search_criteria\":{\"queue\":{\"name\":\"Incoming\"}}}",
                        "{\"fetched_tickets\":[{\"id\":\"" + ticket + "\"}]}", at);
                step(step, key, 2, "classify", "base:ClassificationPipe", "item 0",
                        "{\"text\":\"Invoice question from a customer\",\"threshold\":0.5,\"fallback_label\":\"Unclassified\"}",
                        "{\"label\":\"" + (confidence < 0.5 ? "Unclassified" : label) + "\",\"confidence\":" + confidence
                                + ",\"model_label\":\"" + label + "\",\"scores\":[{\"label\":\"" + label + "\",\"score\":" + confidence
                                + "},{\"label\":\"IT\",\"score\":0.1}],\"accepted\":" + (confidence >= 0.5) + "}", at);
                step(step, key, 3, "move", "base:UpdateTicketPipe", "item 0", "{\"ticket_id\":\"" + ticket + "\"}", "{}", at);
                step(step, key, 4, "note", "base:AddNotePipe", "item 0", "{\"ticket_id\":\"" + ticket + "\"}", "{}", at);
                step(step, key, 5, "each_ticket", "base:ForEachPipe", "", "{}", "{}", at);
                effect(effect, id, runner, "move", ticket, "update", "{\"queue\":\"" + label + "\"}", at, i);
                effect(effect, id, runner, "note", ticket, "note", "{\"subject\":\"Routed by otai\",\"body\":\"Queue " + label
                        + "\",\"content_type\":\"text/plain\",\"visible_to_customer\":false}", at, i);
            }
            run.executeBatch();
            step.executeBatch();
            effect.executeBatch();
        }
    }

    private static void step(PreparedStatement s, long key, int seq, String pipe, String use, String scope, String params, String data,
                             OffsetDateTime at) throws SQLException {
        s.setLong(1, key);
        s.setInt(2, seq);
        s.setString(3, pipe);
        s.setString(4, use);
        s.setString(5, "orchestrator.params.steps[0].params.run");
        s.setString(6, scope);
        s.setString(7, "succeeded");
        s.setString(8, "");
        s.setLong(9, 1_000);
        s.setObject(10, at);
        s.setString(11, params);
        s.setString(12, data);
        s.addBatch();
    }

    private static void effect(PreparedStatement s, String run, String runner, String step, String ticket, String operation,
                               String detail, OffsetDateTime at, int i) throws SQLException {
        s.setString(1, runner + "/" + step + "/" + ticket + "/" + i);
        s.setString(2, run);
        s.setString(3, runner);
        s.setString(4, step);
        s.setString(5, ticket);
        s.setString(6, operation);
        s.setString(7, detail);
        s.setObject(8, at);
        s.setObject(9, at);
        s.addBatch();
    }
}
