package dev.otai.console.actions;

import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.runs.WritesTable;
import dev.otai.console.signin.Session;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.Runner;
import dev.otai.core.redaction.Redactor;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in person can make the engine do: fire a manual trigger (its runners run as if {@code otai trigger}
 * had been called), and dry-run a runner to see the writes it would make. Both are POSTs that need the session's
 * CSRF token; the console checks that before these run.
 */
public final class Actions {

    private final Engine engine;
    private final DryRuns dryRuns;

    public Actions(ConsoleSources sources, Redactor redactor) {
        this.engine = sources.engine();
        this.dryRuns = new DryRuns(sources.dryRunner(), sources.clock(), redactor);
    }

    /** {@code GET /console/actions}. */
    public ConsolePage page() {
        return (ctx, session) -> {
            var page = new Html();
            page.add("<section aria-labelledby=\"fire\"><h2 id=\"fire\">Fire a manual trigger</h2>");
            Set<String> manual = manualTriggers();
            if (manual.isEmpty()) {
                page.add("<p>The config has no manual trigger (base:ManualTrigger).</p>");
            }
            for (String trigger : manual) {
                page.add("<form method=\"post\" action=\"/console/actions/fire\" class=\"inline\">");
                Layout.csrf(page, session);
                page.add("<input type=\"hidden\" name=\"trigger\" value=\"").text(trigger).add("\"><button type=\"submit\">Fire ")
                        .text(trigger).add("</button> <span class=\"muted\">runs ").text(String.join(", ", runnersOf(trigger)))
                        .add("</span></form>");
            }
            page.add("</section><section aria-labelledby=\"dry\"><h2 id=\"dry\">Dry run</h2><p>Runs one runner once, now, "
                    + "reading from the helpdesk but writing nothing, and lists the writes it would make.</p>"
                    + "<form method=\"post\" action=\"/console/actions/dry-run\" class=\"filter\">");
            Layout.csrf(page, session);
            page.add("<label for=\"d-runner\">Runner</label><select id=\"d-runner\" name=\"runner\">");
            for (Runner runner : engine.runners().all()) {
                page.add("<option value=\"").text(runner.id()).add("\">").text(runner.id()).add("</option>");
            }
            page.add("</select><button type=\"submit\">Start dry run</button></form>");
            List<DryRuns.DryRun> recent = dryRuns.recent();
            if (!recent.isEmpty()) {
                page.add("<h3>Recent dry runs</h3><ul>");
                for (DryRuns.DryRun run : recent) {
                    page.add("<li>");
                    Layout.link(page, "/console/dry-runs/", run.id(), run.runnerId());
                    page.add(" started ");
                    Layout.time(page, run.started());
                    page.add(": ").text(run.running() ? "running" : run.error() != null ? "failed" : run.writes().size() + " writes")
                            .add("</li>");
                }
                page.add("</ul>");
            }
            page.add("</section>");
            Layout.send(ctx, 200, session, "/console/actions", "Actions", page);
        };
    }

    /** {@code POST /console/actions/fire}: delivers an event to the manual trigger, then shows the runs list. */
    public ConsolePage fire() {
        return (ctx, session) -> {
            String trigger = Optional.ofNullable(ctx.formParam("trigger")).orElse("");
            if (!manualTriggers().contains(trigger)) {
                refuse(ctx, session, 400, "'trigger' was \"" + cut(trigger) + "\"; expected one of the manual triggers: "
                        + String.join(", ", manualTriggers()));
                return;
            }
            if (!engine.gateway().deliver(trigger, Map.of("source", "console"))) {
                refuse(ctx, session, 503, "the engine did not take the event for trigger '" + trigger
                        + "' (it is starting or stopping, or the runner's event queue is full); try again shortly");
                return;
            }
            ctx.redirect("/console/runs?fired=" + URLEncoder.encode(trigger, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        };
    }

    /** {@code POST /console/actions/dry-run}: starts a dry run and shows its page. */
    public ConsolePage startDryRun() {
        return (ctx, session) -> {
            String runner = Optional.ofNullable(ctx.formParam("runner")).orElse("");
            if (engine.runners().all().stream().noneMatch(r -> r.id().equals(runner))) {
                refuse(ctx, session, 400, "'runner' was \"" + cut(runner) + "\"; expected one of the config's runners");
                return;
            }
            Optional<DryRuns.DryRun> started = dryRuns.start(runner);
            if (started.isEmpty()) {
                refuse(ctx, session, 409, "a dry run is still running; wait for it to finish");
                return;
            }
            ctx.redirect("/console/dry-runs/" + started.get().id(), HttpStatus.SEE_OTHER);
        };
    }

    /** {@code GET /console/dry-runs/{id}}: the dry run's planned writes, or that it still runs. */
    public ConsolePage dryRun() {
        return (ctx, session) -> {
            Optional<DryRuns.DryRun> found = dryRuns.find(ctx.pathParam("id"));
            if (found.isEmpty()) {
                refuse(ctx, session, 404, "no such dry run (the console keeps the last " + DryRuns.KEPT + " until it restarts)");
                return;
            }
            DryRuns.DryRun run = found.get();
            var page = new Html();
            page.add("<p>Runner ").text(run.runnerId()).add(", started ");
            Layout.time(page, run.started());
            page.add(".</p>");
            if (run.running()) {
                page.add("<p role=\"status\" data-refresh=\"2\">Running… this page reloads until it is done.</p>");
            } else if (run.error() != null) {
                page.add("<p role=\"alert\">The dry run failed: ").text(run.error()).add("</p>");
            } else if (run.writes().isEmpty()) {
                page.add("<p role=\"status\">Done: the runner would write nothing.</p>");
            } else {
                page.add("<p role=\"status\">Done: ").text(run.writes().size()).add(" writes planned, nothing was sent.</p>");
                WritesTable.render(page, run.writes().stream().map(WritesTable.Row::of).toList(), "Writes the runner would make");
            }
            Layout.send(ctx, 200, session, "/console/actions", "Dry run of " + run.runnerId(), page);
        };
    }

    private Set<String> manualTriggers() {
        var ids = new LinkedHashSet<String>();
        for (Runner runner : engine.runners().all()) {
            for (String id : runner.triggerIds()) {
                engine.runners().trigger(id).filter(node -> node.use().endsWith("ManualTrigger")).ifPresent(node -> ids.add(id));
            }
        }
        return ids;
    }

    private List<String> runnersOf(String trigger) {
        return engine.runners().all().stream().filter(r -> r.triggerIds().contains(trigger)).map(Runner::id).toList();
    }

    private static String cut(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static void refuse(Context ctx, Session session, int status, String message) {
        Layout.send(ctx, status, session, "/console/actions", "Not done", new Html().add("<p role=\"alert\">").text(message)
                .add("</p><p><a href=\"/console/actions\">Back to actions</a></p>"));
    }
}
