package dev.otai.console.classification;

import dev.otai.api.ticket.Ticket;
import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.signin.Session;
import dev.otai.console.tickets.TicketLookup;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.store.Store;
import io.javalin.http.Context;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrections: the tickets otai last moved to a queue, against the queue the helpdesk shows now. A ticket in
 * another queue was moved by a person after otai routed it. Asks the helpdesk once per ticket, for the newest
 * {@value #CHECKED} routed tickets; when the helpdesk cannot be asked, the page says why.
 */
public final class CorrectionsPage implements ConsolePage {

    static final int CHECKED = 20;
    private static final int SCANNED = 500;

    record Routed(String ticketId, String queue, Instant at, String runId) {
    }

    private final Store store;
    private final TicketLookup lookup;
    private final Redactor redactor;

    public CorrectionsPage(ConsoleSources sources, Redactor redactor) {
        this.store = sources.store();
        this.lookup = TicketLookup.of(sources.engine());
        this.redactor = redactor;
    }

    @Override
    public void handle(Context ctx, Session session) {
        var page = new Html();
        List<Routed> routed = routed();
        if (lookup.unavailable().isPresent()) {
            page.add("<p role=\"status\">Corrections cannot be checked: ").text(lookup.unavailable().get()).add(".</p>");
            Layout.send(ctx, 200, session, "/console/classification", "Corrections", page);
            return;
        }
        page.add("<p>The ").text(routed.size()).add(" tickets otai routed last, with the queue the helpdesk shows now.</p>");
        var rows = new Html();
        int corrected = 0;
        for (Routed r : routed) {
            String now;
            boolean moved;
            try {
                Optional<Ticket> ticket = lookup.get(r.ticketId());
                now = ticket.map(t -> t.queue() == null ? "(none)" : t.queue().name()).orElse("(ticket gone)");
                moved = ticket.isPresent() && !r.queue().equals(now);
            } catch (Exception e) {
                page.add("<p role=\"alert\">The helpdesk could not be reached, so corrections are not shown: ")
                        .text(redactor.redact(String.valueOf(e.getMessage()))).add("</p>");
                Layout.send(ctx, 200, session, "/console/classification", "Corrections", page);
                return;
            }
            corrected += moved ? 1 : 0;
            rows.add("<tr><td>");
            Layout.link(rows, "/console/tickets?id=", r.ticketId(), r.ticketId());
            rows.add("</td><td>").text(r.queue()).add("</td><td>").text(now).add("</td><td>").text(moved ? "moved by a person" : "as routed")
                    .add("</td><td>");
            Layout.time(rows, r.at());
            rows.add("</td></tr>");
        }
        page.add("<p><strong>").text(corrected).add(" of ").text(routed.size()).add("</strong> were moved after otai routed them.</p>");
        page.add("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Ticket</th><th scope=\"col\">otai routed to</th>"
                + "<th scope=\"col\">Queue now</th><th scope=\"col\">Correction</th><th scope=\"col\">Routed</th></tr></thead><tbody>")
                .add(rows.toString()).add("</tbody></table></div>");
        Layout.send(ctx, 200, session, "/console/classification", "Corrections", page);
    }

    /** The newest queue write per ticket, for the newest {@value #CHECKED} tickets. */
    private List<Routed> routed() {
        return store.inTransaction(c -> {
            var byTicket = new LinkedHashMap<String, Routed>();
            try (PreparedStatement s = c.prepareStatement("SELECT ticket_id, detail_json, created_at, run_id FROM effects "
                    + "WHERE operation = 'update' AND status IN ('applied', 'skipped') ORDER BY id DESC FETCH FIRST "
                    + SCANNED + " ROWS ONLY")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next() && byTicket.size() < CHECKED) {
                        Map<String, Object> detail = Json.readMap(r.getString(2));
                        if (detail.get("queue") != null && !byTicket.containsKey(r.getString(1))) {
                            byTicket.put(r.getString(1), new Routed(r.getString(1), detail.get("queue").toString(),
                                    r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4)));
                        }
                    }
                }
            }
            return new ArrayList<>(byTicket.values());
        });
    }
}
