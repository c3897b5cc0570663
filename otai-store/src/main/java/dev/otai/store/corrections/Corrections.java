package dev.otai.store.corrections;

import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.store.Json;
import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrections: tickets otai moved to a queue (its newest applied queue write in the effect ledger) that the helpdesk
 * now shows in another queue, so a person moved them after otai routed them. Used by the console's corrections
 * page and by {@code otai model corrections} and {@code otai model train --from-service}.
 */
public final class Corrections {

    /** How many newest ledger writes are scanned for the routed tickets. */
    static final int SCANNED = 5000;

    /**
     * otai's newest queue write to a ticket.
     *
     * @param confidence the classification step's confidence for that label in the run that wrote it; null when the
     *                   run history has none
     */
    public record Routed(String ticketId, String queue, Instant at, String runId, Double confidence) {
    }

    /** A routed ticket as the helpdesk shows it now; empty when the helpdesk has no such ticket any more. */
    public record Checked(Routed routed, Optional<Ticket> now) {

        /** The queue the helpdesk shows now: {@code (none)} or {@code (ticket gone)} when there is none. */
        public String queueNow() {
            return now.map(t -> t.queue() == null || t.queue().name() == null ? "(none)" : t.queue().name())
                    .orElse("(ticket gone)");
        }

        /** Whether a person moved the ticket to another queue after otai routed it. */
        public boolean moved() {
            return now.isPresent() && now.get().queue() != null && now.get().queue().name() != null
                    && !routed.queue().equals(now.get().queue().name());
        }
    }

    /** A ticket a person moved: otai's label, the person's label, the text to learn from. */
    public record Correction(String ticketId, String subject, String body, String otaiLabel, String personLabel,
                             Double confidence, Instant routedAt) {
    }

    private final Store store;

    public Corrections(Store store) {
        this.store = store;
    }

    /** The newest queue write per ticket, newest first, written at or after {@code since} (null: any time). */
    public List<Routed> routed(Instant since, int limit) {
        return store.read(c -> {
            var byTicket = new LinkedHashMap<String, Routed>();
            try (PreparedStatement s = c.prepareStatement("SELECT ticket_id, detail_json, created_at, run_id, step_id FROM effects "
                    + "WHERE operation = 'update' AND status = 'applied' AND created_at >= ? ORDER BY " + newestFirst()
                    + " FETCH FIRST " + SCANNED + " ROWS ONLY")) {
                s.setObject(1, (since == null ? Instant.EPOCH : since).atOffset(ZoneOffset.UTC));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next() && byTicket.size() < limit) {
                        Object queue = Json.readMap(r.getString(2)).get("queue");
                        String ticketId = r.getString(1);
                        if (queue != null && !byTicket.containsKey(ticketId)) {
                            byTicket.put(ticketId, new Routed(ticketId, queue.toString(),
                                    r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4),
                                    confidence(c, r.getString(4), r.getString(5), ticketId, queue.toString())));
                        }
                    }
                }
            }
            return new ArrayList<>(byTicket.values());
        });
    }

    /** Ids grow with each write of one engine, not across the engines of a cluster: there, write times order them. */
    private String newestFirst() {
        return store.clustered() ? "created_at DESC, id DESC" : "id DESC";
    }

    /** Asks the helpdesk for each routed ticket; throws when it cannot be reached. */
    public List<Checked> check(TicketSystem tickets, List<Routed> routed) throws Exception {
        var out = new ArrayList<Checked>(routed.size());
        for (Routed r : routed) {
            out.add(new Checked(r, tickets.get(r.ticketId())));
        }
        return out;
    }

    /** The routed tickets a person moved since {@code since}, among the newest {@code limit} routed ones. */
    public List<Correction> corrections(TicketSystem tickets, Instant since, int limit) throws Exception {
        var out = new ArrayList<Correction>();
        for (Checked checked : check(tickets, routed(since, limit))) {
            if (checked.moved()) {
                Ticket ticket = checked.now().orElseThrow();
                Routed r = checked.routed();
                out.add(new Correction(r.ticketId(), nullToEmpty(ticket.title()), nullToEmpty(ticket.body()), r.queue(),
                        ticket.queue().name(), r.confidence(), r.at()));
            }
        }
        return out;
    }

    /**
     * The confidence of the classification that chose {@code label} in the newest run with that id: the one in the
     * same for-each item as the step that wrote the ticket (its recorded params name the ticket), else the run's
     * first one that chose that label; null when the run history has none.
     */
    private static Double confidence(Connection c, String runId, String stepId, String ticketId, String label)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT s.pipe_id, s.scope, s.params_json, s.data_json FROM run_steps s "
                + "JOIN runs r ON r.run_key = s.run_key WHERE r.run_key = (SELECT MAX(run_key) FROM runs WHERE id = ?) "
                + "ORDER BY s.seq")) {
            s.setString(1, runId);
            String writerScope = null;
            var chosen = new LinkedHashMap<String, Double>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String scope = r.getString(2) == null ? "" : r.getString(2);
                    if (r.getString(1).equals(stepId)
                            && ticketId.equals(String.valueOf(Json.readMap(r.getString(3)).get("ticket_id")))) {
                        writerScope = scope;
                    }
                    Map<String, Object> data = Json.readMap(r.getString(4));
                    if (data.get("confidence") instanceof Number confidence && label.equals(String.valueOf(data.get("label")))) {
                        chosen.putIfAbsent(scope, confidence.doubleValue());
                    }
                }
            }
            if (writerScope != null && chosen.containsKey(writerScope)) {
                return chosen.get(writerScope);
            }
            return chosen.isEmpty() ? null : chosen.values().iterator().next();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
