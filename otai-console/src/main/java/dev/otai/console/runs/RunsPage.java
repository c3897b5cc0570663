package dev.otai.console.runs;

import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.signin.Session;
import dev.otai.core.orchestration.Runner;
import dev.otai.store.history.RunQueries;
import io.javalin.http.Context;
import java.util.List;

/** The runs list: a filter form (runner, outcome, time range, ticket id) and the matching runs, newest first. */
public final class RunsPage implements ConsolePage {

    static final int PAGE_SIZE = 50;

    private final ConsoleSources sources;
    private final RunSearch search;

    public RunsPage(ConsoleSources sources) {
        this.sources = sources;
        this.search = new RunSearch(sources.store());
    }

    @Override
    public void handle(Context ctx, Session session) {
        RunFilter filter = RunFilter.of(ctx);
        var page = new Html();
        String fired = ctx.queryParam("fired");
        if (fired != null && fired.length() <= 200) {
            page.add("<p class=\"notice\" role=\"status\">Trigger ").text(fired)
                    .add(" fired; its run appears below once it starts (reload to see it).</p>");
        }
        form(page, filter);
        if (!filter.problems().isEmpty()) {
            page.add("<div class=\"problems\" role=\"alert\"><p>The filter was not applied:</p><ul>");
            filter.problems().forEach(problem -> page.element("li", problem));
            page.add("</ul></div>");
            Layout.send(ctx, 400, session, "/console/runs", "Runs", page);
            return;
        }
        List<RunQueries.Run> runs = search.find(filter, PAGE_SIZE);
        table(page, runs);
        if (runs.size() == PAGE_SIZE) {
            page.add("<p><a href=\"/console/runs").text(filter.query(runs.get(runs.size() - 1).started())).add("\">Older runs</a></p>");
        }
        Layout.send(ctx, 200, session, "/console/runs", "Runs", page);
    }

    private void form(Html page, RunFilter filter) {
        page.add("<form method=\"get\" action=\"/console/runs\" class=\"filter\" aria-label=\"Filter runs\">"
                + "<label for=\"f-runner\">Runner</label><select id=\"f-runner\" name=\"runner\"><option value=\"\">any</option>");
        for (Runner runner : sources.engine().runners().all()) {
            option(page, runner.id(), runner.id().equals(filter.runner()));
        }
        page.add("</select><label for=\"f-outcome\">Outcome</label><select id=\"f-outcome\" name=\"outcome\"><option value=\"\">any</option>");
        for (String outcome : List.of("succeeded", "failed", "skipped", "running", "abandoned")) {
            option(page, outcome, outcome.equals(filter.outcome()));
        }
        page.add("</select><label for=\"f-from\">From (UTC)</label><input id=\"f-from\" name=\"from\" type=\"text\" "
                + "placeholder=\"2026-12-06T09:00\" value=\"").text(filter.from() == null ? "" : filter.from().toString()).add("\">"
                + "<label for=\"f-to\">To (UTC)</label><input id=\"f-to\" name=\"to\" type=\"text\" placeholder=\"2026-12-06\" value=\"")
                .text(filter.to() == null ? "" : filter.to().toString()).add("\">"
                + "<label for=\"f-ticket\">Ticket id</label><input id=\"f-ticket\" name=\"ticket\" type=\"text\" value=\"")
                .text(filter.ticket()).add("\"><button type=\"submit\">Filter</button></form>");
    }

    private static void option(Html page, String value, boolean selected) {
        page.add("<option value=\"").text(value).add("\"").add(selected ? " selected" : "").add(">").text(value).add("</option>");
    }

    private static void table(Html page, List<RunQueries.Run> runs) {
        if (runs.isEmpty()) {
            page.add("<p>No runs match.</p>");
            return;
        }
        page.add("<div class=\"scroll\"><table><caption>Newest first; * marks a dry run</caption><thead><tr>"
                + "<th scope=\"col\">Run</th><th scope=\"col\">Runner</th><th scope=\"col\">Trigger</th><th scope=\"col\">Started</th>"
                + "<th scope=\"col\">Took</th><th scope=\"col\">Outcome</th><th scope=\"col\">Message</th></tr></thead><tbody>");
        for (RunQueries.Run run : runs) {
            page.add("<tr><td>");
            Layout.link(page, "/console/runs/", run.id(), run.id() + (run.dryRun() ? " *" : ""));
            page.add("</td><td>").text(run.runnerId()).add("</td><td>").text(run.triggerId().isEmpty() ? "startup" : run.triggerId())
                    .add("</td><td>");
            Layout.time(page, run.started());
            page.add("</td><td>").text(Layout.duration(run.duration())).add("</td><td>");
            Layout.outcome(page, run.outcome());
            page.add("</td><td>").text(firstLine(run.message())).add("</td></tr>");
        }
        page.add("</tbody></table></div>");
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}
