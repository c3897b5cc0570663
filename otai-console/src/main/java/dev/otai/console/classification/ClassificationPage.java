package dev.otai.console.classification;

import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.signin.Session;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Map;

/**
 * Classification at a glance: tickets routed per label per day, the confidence distribution, the share sent to
 * the fallback label, and a link to the corrections check (which asks the helpdesk, so it is a page of its own).
 */
public final class ClassificationPage implements ConsolePage {

    private final ConsoleSources sources;
    private final ClassificationStats stats;

    public ClassificationPage(ConsoleSources sources) {
        this.sources = sources;
        this.stats = new ClassificationStats(sources.store());
    }

    @Override
    public void handle(Context ctx, Session session) {
        ClassificationStats.Stats s = stats.since(sources.clock().instant());
        var page = new Html();
        page.add("<p>").text(s.total()).add(s.capped() ? " (the newest)" : "").add(" classifications in the last ")
                .text(ClassificationStats.DAYS).add(" days, dry runs left out. ")
                .add("<a href=\"/console/classification/corrections\">Check corrections against the helpdesk</a></p>");
        if (s.total() == 0) {
            Layout.send(ctx, 200, session, "/console/classification", "Classification", page);
            return;
        }
        perDay(page, s);
        histogram(page, s);
        page.add("<section aria-labelledby=\"fallback\"><h2 id=\"fallback\">Fallback</h2><p>").text(s.fallback()).add(" of ")
                .text(s.total()).add(" (").text(String.format("%.1f %%", 100.0 * s.fallback() / s.total()))
                .add(") were below their threshold and went to the fallback label.</p></section>");
        Layout.send(ctx, 200, session, "/console/classification", "Classification", page);
    }

    private static void perDay(Html page, ClassificationStats.Stats s) {
        page.add("<section aria-labelledby=\"per-day\"><h2 id=\"per-day\">Tickets per label and day (UTC)</h2>"
                + "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Day</th>");
        s.labels().forEach(label -> page.add("<th scope=\"col\">").text(label).add("</th>"));
        page.add("<th scope=\"col\">All</th></tr></thead><tbody>");
        for (Map.Entry<LocalDate, Map<String, Integer>> day : s.perDay().descendingMap().entrySet()) {
            page.add("<tr><th scope=\"row\">").text(day.getKey()).add("</th>");
            int all = 0;
            for (String label : s.labels()) {
                int count = day.getValue().getOrDefault(label, 0);
                all += count;
                page.add("<td>").text(count).add("</td>");
            }
            page.add("<td>").text(all).add("</td></tr>");
        }
        page.add("</tbody></table></div></section>");
    }

    private static void histogram(Html page, ClassificationStats.Stats s) {
        int max = 1;
        for (int count : s.histogram()) {
            max = Math.max(max, count);
        }
        page.add("<section aria-labelledby=\"confidence\"><h2 id=\"confidence\">Confidence</h2><table><thead><tr>"
                + "<th scope=\"col\">Confidence</th><th scope=\"col\">Classifications</th><th scope=\"col\"><span class=\"sr\">Bar</span></th>"
                + "</tr></thead><tbody>");
        for (int bin = ClassificationStats.BINS - 1; bin >= 0; bin--) {
            int count = s.histogram()[bin];
            int width = (int) Math.round(10.0 * count / max);
            page.add("<tr><th scope=\"row\">").text(bin * 10).add("–").text(bin * 10 + 10).add(" %</th><td>").text(count)
                    .add("</td><td><span class=\"bar w").text(width).add("\" aria-hidden=\"true\"></span></td></tr>");
        }
        page.add("</tbody></table></section>");
    }
}
