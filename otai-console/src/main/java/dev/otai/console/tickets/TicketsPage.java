package dev.otai.console.tickets;

import dev.otai.api.ticket.Ticket;
import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.runs.WritesTable;
import dev.otai.console.signin.Session;
import dev.otai.core.redaction.Redactor;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The ticket timeline: search by ticket id; the ticket as the helpdesk shows it now; then, run by run in time order,
 * each classification with its top labels and scores and the threshold decision, and each write otai made.
 */
public final class TicketsPage implements ConsolePage {

    private static final int MAX_ID = 64;
    private static final int TOP_SCORES = 3;

    private final TicketTimeline timeline;
    private final TicketLookup lookup;
    private final Redactor redactor;

    public TicketsPage(ConsoleSources sources, Redactor redactor) {
        this.timeline = new TicketTimeline(sources.store());
        this.lookup = TicketLookup.of(sources.engine());
        this.redactor = redactor;
    }

    @Override
    public void handle(Context ctx, Session session) {
        String id = Optional.ofNullable(ctx.queryParam("id")).map(String::strip).orElse("");
        var page = new Html();
        page.add("<form method=\"get\" action=\"/console/tickets\" class=\"filter\" role=\"search\">"
                + "<label for=\"t-id\">Ticket id</label><input id=\"t-id\" name=\"id\" type=\"text\" value=\"").text(id)
                .add("\"><button type=\"submit\">Show timeline</button></form>");
        if (id.isEmpty()) {
            page.add("<p>Type a ticket id to see every run that touched the ticket, its classifications and the writes otai made.</p>");
            Layout.send(ctx, 200, session, "/console/tickets", "Ticket timeline", page);
            return;
        }
        if (id.length() > MAX_ID) {
            page.add("<p role=\"alert\">The ticket id has ").text(id.length()).add(" characters; expected at most ").text(MAX_ID).add(".</p>");
            Layout.send(ctx, 400, session, "/console/tickets", "Ticket timeline", page);
            return;
        }
        current(page, id);
        List<TicketTimeline.RunEntry> runs = timeline.of(id);
        if (runs.isEmpty()) {
            page.add("<p>otai recorded no writes to ticket ").text(id).add(" (runs that only read a ticket are not indexed by ticket).</p>");
        }
        page.add("<ol class=\"timeline\">");
        runs.forEach(entry -> entry(page, entry));
        page.add("</ol>");
        Layout.send(ctx, 200, session, "/console/tickets", "Ticket " + id, page);
    }

    private void current(Html page, String id) {
        page.add("<section aria-labelledby=\"now\"><h2 id=\"now\">In the helpdesk now</h2>");
        if (lookup.unavailable().isPresent()) {
            page.add("<p>Not shown: ").text(lookup.unavailable().get()).add(".</p></section>");
            return;
        }
        try {
            Optional<Ticket> ticket = lookup.get(id);
            if (ticket.isEmpty()) {
                page.add("<p>The helpdesk has no ticket ").text(id).add(".</p>");
            } else {
                Ticket t = ticket.get();
                page.add("<dl class=\"facts\"><dt>Subject</dt><dd>").text(t.title()).add("</dd><dt>Queue</dt><dd>")
                        .text(t.queue() == null ? "–" : t.queue().name()).add("</dd><dt>Number</dt><dd>").text(t.number())
                        .add("</dd></dl>");
            }
        } catch (Exception e) {
            page.add("<p>The helpdesk could not be reached: ").text(redactor.redact(String.valueOf(e.getMessage()))).add("</p>");
        }
        page.add("</section>");
    }

    private static void entry(Html page, TicketTimeline.RunEntry entry) {
        page.add("<li><h2>");
        Layout.time(page, entry.run().started());
        page.add(" run ");
        Layout.link(page, "/console/runs/", entry.run().id(), entry.run().id());
        page.add(" of ").text(entry.run().runnerId()).add(" ");
        Layout.outcome(page, entry.run().outcome());
        page.add(entry.run().dryRun() ? " (dry run)" : "").add("</h2>");
        for (Classification c : entry.classifications()) {
            page.add("<div class=\"classification\"><p><strong>Classified</strong>: ").text(c.decision()).add("</p>");
            if (!c.scores().isEmpty()) {
                page.add("<table><caption>Top labels</caption><thead><tr><th scope=\"col\">Label</th><th scope=\"col\">Score</th>"
                        + "</tr></thead><tbody>");
                c.scores().stream().limit(TOP_SCORES).forEach(score -> page.add("<tr><td>").text(score.label()).add("</td><td>")
                        .text(Classification.percent(score.score())).add("</td></tr>"));
                page.add("</tbody></table>");
            }
            page.add("</div>");
        }
        WritesTable.render(page, entry.writes().stream().map(w -> new WritesTable.Row(w.effect(), w.at())).toList(),
                "Writes of this run to the ticket");
        page.add("</li>");
    }
}
