package dev.otai.console.classification;

import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.signin.Session;
import dev.otai.console.tickets.Classification;
import dev.otai.console.tickets.TicketLookup;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.corrections.Corrections;
import io.javalin.http.Context;
import java.util.List;

/**
 * Corrections: the tickets otai last moved to a queue, against the queue the helpdesk shows now (see
 * {@link Corrections}). Asks the helpdesk once per ticket, for the newest {@value #CHECKED} routed tickets; when the
 * helpdesk cannot be asked, the page says why.
 */
public final class CorrectionsPage implements ConsolePage {

    static final int CHECKED = 20;

    private final Corrections corrections;
    private final TicketLookup lookup;
    private final Redactor redactor;

    public CorrectionsPage(ConsoleSources sources, Redactor redactor) {
        this.corrections = new Corrections(sources.store());
        this.lookup = TicketLookup.of(sources.engine());
        this.redactor = redactor;
    }

    @Override
    public void handle(Context ctx, Session session) {
        var page = new Html();
        if (lookup.unavailable().isPresent()) {
            page.add("<p role=\"status\">Corrections cannot be checked: ").text(lookup.unavailable().get()).add(".</p>");
            Layout.send(ctx, 200, session, "/console/classification", "Corrections", page);
            return;
        }
        List<Corrections.Checked> checked;
        try {
            checked = corrections.check(lookup.tickets().orElseThrow(), corrections.routed(null, CHECKED));
        } catch (Exception e) {
            page.add("<p role=\"alert\">The helpdesk could not be reached, so corrections are not shown: ")
                    .text(redactor.redact(String.valueOf(e.getMessage()))).add("</p>");
            Layout.send(ctx, 200, session, "/console/classification", "Corrections", page);
            return;
        }
        page.add("<p>The ").text(checked.size()).add(" tickets otai routed last, with the queue the helpdesk shows now.</p>");
        var rows = new Html();
        int corrected = 0;
        for (Corrections.Checked c : checked) {
            corrected += c.moved() ? 1 : 0;
            rows.add("<tr><td>");
            Layout.link(rows, "/console/tickets?id=", c.routed().ticketId(), c.routed().ticketId());
            rows.add("</td><td>").text(c.routed().queue()).add("</td><td>")
                    .text(c.routed().confidence() == null ? "" : Classification.percent(c.routed().confidence()))
                    .add("</td><td>").text(c.queueNow()).add("</td><td>").text(c.moved() ? "moved by a person" : "as routed")
                    .add("</td><td>");
            Layout.time(rows, c.routed().at());
            rows.add("</td></tr>");
        }
        page.add("<p><strong>").text(corrected).add(" of ").text(checked.size()).add("</strong> were moved after otai routed them.</p>");
        page.add("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Ticket</th><th scope=\"col\">otai routed to</th>"
                + "<th scope=\"col\">Confidence</th><th scope=\"col\">Queue now</th><th scope=\"col\">Correction</th>"
                + "<th scope=\"col\">Routed</th></tr></thead><tbody>")
                .add(rows.toString()).add("</tbody></table></div>");
        Layout.send(ctx, 200, session, "/console/classification", "Corrections", page);
    }
}
