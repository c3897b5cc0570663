package dev.otai.console.runs;

import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.signin.Session;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.store.history.RunQueries;
import dev.otai.store.journal.JournalLinks;
import dev.otai.store.ledger.Effect;
import dev.otai.store.ledger.EffectLedger;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * One run: what started it and how it ended, its steps in order with params and results (as the history keeps
 * them, secrets already replaced by {@code ***}), each for-each item with its own outcome, and the writes the
 * ledger recorded.
 */
public final class RunPage implements ConsolePage {

    private final RunQueries runs;
    private final EffectLedger ledger;
    private final JournalLinks links;

    public RunPage(ConsoleSources sources) {
        this.runs = new RunQueries(sources.store());
        this.ledger = new EffectLedger(sources.store(), null, new Redactor());
        this.links = new JournalLinks(sources.store());
    }

    @Override
    public void handle(Context ctx, Session session) {
        String id = ctx.pathParam("id");
        Optional<RunQueries.RunDetail> found = id.length() > 64 ? Optional.empty() : runs.show(id);
        if (found.isEmpty()) {
            var page = new Html().add("<p>No run ").text(id).add(" in the history (it may have been pruned; see "
                    + "infrastructure.storage.retention). <a href=\"/console/runs\">All runs</a></p>");
            Layout.send(ctx, 404, session, "/console/runs", "Run not found", page);
            return;
        }
        RunQueries.Run run = found.get().run();
        var page = new Html();
        summary(page, run, links.of(id));
        ItemGroups groups = ItemGroups.of(found.get().steps());
        page.add("<section aria-labelledby=\"steps\"><h2 id=\"steps\">Steps</h2>");
        if (run.stepsDropped() > 0) {
            page.add("<p>").text(run.stepsDropped()).add(" more steps were not stored (infrastructure.storage.max_steps_per_run).</p>");
        }
        steps(page, groups.top(), "Steps of the run, in the order they ended");
        page.add("</section>");
        if (!groups.items().isEmpty()) {
            items(page, groups);
        }
        writes(page, ledger.ofRun(id));
        Layout.send(ctx, 200, session, "/console/runs", "Run " + run.id(), page);
    }

    private static void summary(Html page, RunQueries.Run run, Optional<JournalLinks.Link> link) {
        page.add("<dl class=\"facts\"><dt>Runner</dt><dd>");
        Layout.link(page, "/console/runs?runner=", run.runnerId(), run.runnerId());
        page.add("</dd><dt>Trigger</dt><dd>").text(run.triggerId().isEmpty() ? "startup" : run.triggerId())
                .add("</dd><dt>Started</dt><dd>");
        Layout.time(page, run.started());
        page.add("</dd><dt>Took</dt><dd>").text(Layout.duration(run.duration())).add("</dd><dt>Outcome</dt><dd>");
        Layout.outcome(page, run.outcome());
        page.add(" ").text(run.message()).add(run.dryRun() ? " (dry run: nothing was sent)" : "")
                .add("</dd><dt>Attempt</dt><dd>").text(run.attempt()).add("</dd>");
        link.ifPresent(l -> {
            page.add("<dt>Journal</dt><dd>");
            if (l.resumes() != null) {
                page.add("resumed run ");
                Layout.link(page, "/console/runs/", l.resumes(), l.resumes());
                page.add(" after the engine stopped mid-run: ").text(l.note()).add(". ");
            }
            if (l.resumedBy() != null) {
                page.add("interrupted; resumed as run ");
                Layout.link(page, "/console/runs/", l.resumedBy(), l.resumedBy());
            } else if ("discarded".equals(l.status())) {
                page.add("interrupted and not resumed: ").text(l.note());
            }
            page.add("</dd>");
        });
        page.add("</dl>");
    }

    private static void items(Html page, ItemGroups groups) {
        page.add("<section aria-labelledby=\"items\"><h2 id=\"items\">For-each items</h2>");
        for (ItemGroups.Item item : groups.items().values()) {
            String ticket = item.ticketId();
            page.add("<details class=\"item\"><summary>Item ").text(item.index()).add(" ");
            Layout.outcome(page, item.outcome());
            if (ticket != null) {
                page.add(" ticket ").text(ticket);
            }
            page.add("</summary>");
            if (ticket != null) {
                page.add("<p>");
                Layout.link(page, "/console/tickets?id=", ticket, "Timeline of ticket " + ticket);
                page.add("</p>");
            }
            steps(page, item.steps(), "Steps of item " + item.index());
            page.add("</details>");
        }
        page.add("</section>");
    }

    static void steps(Html page, List<RunQueries.Step> steps, String caption) {
        if (steps.isEmpty()) {
            page.add("<p>No steps recorded.</p>");
            return;
        }
        page.add("<div class=\"scroll\"><table><caption>").text(caption).add("</caption><thead><tr><th scope=\"col\">#</th>"
                + "<th scope=\"col\">Step</th><th scope=\"col\">Type</th><th scope=\"col\">Outcome</th><th scope=\"col\">Took</th>"
                + "<th scope=\"col\">Message</th><th scope=\"col\">Params and result</th></tr></thead><tbody>");
        for (RunQueries.Step step : steps) {
            page.add("<tr><td>").text(step.seq()).add("</td><td>").text(step.pipeId()).add("</td><td>").text(step.use())
                    .add("</td><td>");
            Layout.outcome(page, step.outcome());
            page.add("</td><td>").text(Layout.duration(step.duration())).add("</td><td>").text(step.message()).add("</td><td>");
            if (!step.params().isEmpty() || !step.data().isEmpty()) {
                page.add("<details><summary>show</summary>");
                if (!step.params().isEmpty()) {
                    page.add("<p>params</p><pre>").text(Json.write(step.params())).add("</pre>");
                }
                if (!step.data().isEmpty()) {
                    page.add("<p>result</p><pre>").text(Json.write(step.data())).add("</pre>");
                }
                page.add("</details>");
            }
            page.add("</td></tr>");
        }
        page.add("</tbody></table></div>");
    }

    private static void writes(Html page, List<Effect> effects) {
        page.add("<section aria-labelledby=\"writes\"><h2 id=\"writes\">Writes</h2>");
        if (effects.isEmpty()) {
            page.add("<p>This run wrote nothing to a helpdesk.</p></section>");
            return;
        }
        WritesTable.render(page, effects.stream().map(WritesTable.Row::of).toList(), "Writes recorded in the effect ledger, in order");
        page.add("</section>");
    }
}
