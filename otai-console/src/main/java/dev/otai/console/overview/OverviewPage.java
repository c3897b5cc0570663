package dev.otai.console.overview;

import dev.otai.console.ConsolePage;
import dev.otai.console.ConsoleSources;
import dev.otai.console.Html;
import dev.otai.console.Layout;
import dev.otai.console.signin.Session;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.core.orchestration.Runner;
import dev.otai.core.orchestration.RunnerStatus;
import dev.otai.store.history.RunQueries;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The first page: the engine's health, each runner with its triggers, last run, next fire and runs per hour, and
 * the failed runs of the last 24 hours.
 */
public final class OverviewPage implements ConsolePage {

    private final ConsoleSources sources;
    private final RunnerFacts facts;

    public OverviewPage(ConsoleSources sources) {
        this.sources = sources;
        this.facts = new RunnerFacts(sources.store());
    }

    @Override
    public void handle(Context ctx, Session session) {
        Instant now = sources.clock().instant();
        Optional<Orchestrator> orchestrator = sources.engine().gateway().orchestrator();
        Map<String, RunnerStatus> status = orchestrator.map(Orchestrator::status).orElse(List.of()).stream()
                .collect(Collectors.toMap(RunnerStatus::id, Function.identity()));
        var page = new Html();
        health(page, orchestrator.isPresent(), status.values());
        page.add("<section aria-labelledby=\"runners\"><h2 id=\"runners\">Runners</h2><div class=\"scroll\"><table><thead><tr>"
                + "<th scope=\"col\">Runner</th><th scope=\"col\">Triggers (next fire)</th><th scope=\"col\">Last run</th>"
                + "<th scope=\"col\">Took</th><th scope=\"col\">Tickets written</th><th scope=\"col\">Runs, last hour</th>"
                + "<th scope=\"col\">Runs, last 24 h</th><th scope=\"col\">Now</th></tr></thead><tbody>");
        for (Runner runner : sources.engine().runners().all()) {
            row(page, runner, facts.of(runner.id(), now), status.get(runner.id()), orchestrator);
        }
        page.add("</tbody></table></div></section>");
        failed(page, facts.failedSince(now.minus(Duration.ofDays(1))));
        Layout.send(ctx, 200, session, "/console", "Overview", page);
    }

    private static void health(Html page, boolean running, Collection<RunnerStatus> runners) {
        int inFlight = runners.stream().mapToInt(RunnerStatus::running).sum();
        int queued = runners.stream().mapToInt(RunnerStatus::queued).sum();
        page.add("<section aria-labelledby=\"engine\"><h2 id=\"engine\">Engine</h2><p>");
        Layout.badge(page, running ? "ok" : "skip", running ? "up" : "starting or stopping");
        page.add(" ").text(runners.size()).add(" runners, ").text(inFlight).add(" runs in flight, ").text(queued).add(" events queued. ")
                .add("<a href=\"/health\">/health</a> · <a href=\"/metrics\">/metrics</a></p></section>");
    }

    private void row(Html page, Runner runner, RunnerFacts.Facts facts, RunnerStatus status, Optional<Orchestrator> orchestrator) {
        page.add("<tr><th scope=\"row\">");
        Layout.link(page, "/console/runs?runner=", runner.id(), runner.id());
        page.add("</th><td>");
        if (runner.triggerIds().isEmpty()) {
            page.add("once at startup");
        }
        page.add("<ul class=\"plain\">");
        for (String trigger : runner.triggerIds()) {
            String use = sources.engine().runners().trigger(trigger).map(node -> node.use()).orElse("?");
            page.add("<li>").text(trigger).add(" <span class=\"muted\">").text(use).add("</span>");
            orchestrator.flatMap(o -> o.nextFire(trigger)).ifPresent(at -> {
                page.add(", next ");
                Layout.time(page, at);
            });
            page.add("</li>");
        }
        page.add("</ul></td><td>");
        if (facts.last().isPresent()) {
            RunQueries.Run last = facts.last().get();
            Layout.outcome(page, last.outcome());
            page.add(" ");
            Layout.link(page, "/console/runs/", last.id(), last.id());
            page.add("<br>");
            Layout.time(page, last.started());
            page.add("</td><td>").text(Layout.duration(last.duration())).add("</td><td>").text(facts.lastTickets());
        } else {
            page.add("no runs yet</td><td>–</td><td>–");
        }
        page.add("</td><td>").text(facts.lastHour()).add("</td><td>").text(facts.lastDay()).add("</td><td>");
        if (status == null) {
            page.add("–");
        } else {
            page.text(status.running() > 0 ? "running" : "idle");
            if (status.queued() > 0) {
                page.add(", ").text(status.queued()).add(" queued");
            }
            if (status.skippedFires() > 0) {
                page.add(", ").text(status.skippedFires()).add(" fires skipped while busy");
            }
        }
        page.add("</td></tr>");
    }

    private static void failed(Html page, List<RunQueries.Run> runs) {
        page.add("<section aria-labelledby=\"failed\"><h2 id=\"failed\">Failed runs, last 24 hours</h2>");
        if (runs.isEmpty()) {
            page.add("<p>None.</p></section>");
            return;
        }
        page.add("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Runner</th>"
                + "<th scope=\"col\">Started</th><th scope=\"col\">Message</th></tr></thead><tbody>");
        for (RunQueries.Run run : runs) {
            page.add("<tr><td>");
            Layout.link(page, "/console/runs/", run.id(), run.id());
            page.add("</td><td>").text(run.runnerId()).add("</td><td>");
            Layout.time(page, run.started());
            page.add("</td><td>").text(run.message()).add("</td></tr>");
        }
        page.add("</tbody></table></div>");
        if (runs.size() == RunnerFacts.FAILED_SHOWN) {
            page.add("<p><a href=\"/console/runs?outcome=failed\">All failed runs</a></p>");
        }
        page.add("</section>");
    }
}
