package dev.otai.console.runs;

import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.store.Json;
import dev.otai.store.ledger.Effect;
import java.time.Instant;
import java.util.List;

/** Ledger writes as a table: ticket, what was written (exactly), status, step and run. */
public final class WritesTable {

    private WritesTable() {
    }

    /** One write; {@code at} is when the ledger recorded it (null when not known). */
    public record Row(Effect effect, Instant at) {
        public static Row of(Effect effect) {
            return new Row(effect, null);
        }
    }

    /** A note as its subject and text; any other write as the exact fields written. */
    private static void content(Html page, Effect e) {
        Object body = e.detail().get("body");
        if (e.operation().equals("note") && body != null) {
            page.add("<strong>").text(e.detail().get("subject")).add("</strong><pre>").text(body).add("</pre>");
        } else {
            page.add("<pre>").text(Json.write(e.detail())).add("</pre>");
        }
    }

    public static void render(Html page, List<Row> rows, String caption) {
        page.add("<div class=\"scroll\"><table><caption>").text(caption).add("</caption><thead><tr>");
        boolean timed = rows.stream().anyMatch(r -> r.at() != null);
        if (timed) {
            page.add("<th scope=\"col\">When</th>");
        }
        page.add("<th scope=\"col\">Ticket</th><th scope=\"col\">Write</th><th scope=\"col\">Content</th>"
                + "<th scope=\"col\">Status</th><th scope=\"col\">Step</th><th scope=\"col\">Run</th></tr></thead><tbody>");
        for (Row row : rows) {
            Effect e = row.effect();
            page.add("<tr>");
            if (timed) {
                page.add("<td>");
                Layout.time(page, row.at());
                page.add("</td>");
            }
            page.add("<td>");
            Layout.link(page, "/console/tickets?id=", e.ticketId(), e.ticketId());
            page.add("</td><td>").text(e.operation()).add("</td><td>");
            content(page, e);
            page.add("</td><td>").text(e.status()).add("</td><td>").text(e.stepId()).add("</td><td>");
            Layout.link(page, "/console/runs/", e.runId(), e.runId());
            page.add("</td></tr>");
        }
        page.add("</tbody></table></div>");
    }
}
