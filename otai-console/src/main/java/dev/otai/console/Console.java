package dev.otai.console;

import dev.otai.console.actions.Actions;
import dev.otai.console.classification.ClassificationPage;
import dev.otai.console.classification.CorrectionsPage;
import dev.otai.console.overview.OverviewPage;
import dev.otai.console.runs.RunPage;
import dev.otai.console.runs.RunsPage;
import dev.otai.console.signin.Session;
import dev.otai.console.signin.SignIn;
import dev.otai.console.tickets.TicketsPage;
import dev.otai.core.config.ConsoleSettings;
import dev.otai.core.redaction.Redactor;
import dev.otai.http.HttpFeature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The web console, served under {@code /console} by the engine's HTTP server when {@code infrastructure.console}
 * is configured. Every page but sign-in needs a session; every POST besides sign-in also needs the session's CSRF
 * token. Pages are rendered on the server; the two assets come from the jar.
 */
public final class Console implements HttpFeature {

    private static final Map<String, String> ASSETS = Map.of("console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final SignIn signIn;
    private final ConsoleSources sources;
    private final Redactor redactor;
    private final Map<String, byte[]> assets;

    public Console(ConsoleSettings settings, ConsoleSources sources, Redactor redactor) {
        if (!settings.enabled() || settings.token() == null) {
            throw new IllegalArgumentException("the console needs infrastructure.console with a token");
        }
        this.signIn = new SignIn(settings, sources.clock());
        this.sources = sources;
        this.redactor = redactor;
        this.assets = Map.of("console.css", asset("console.css"), "console.js", asset("console.js"));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/assets/{name}", this::asset);
        routes.get("/console/sign-in", ctx -> signInForm(ctx, 200, null));
        routes.post("/console/sign-in", this::signIn);
        routes.post("/console/sign-out", ctx -> action(ctx, (c, session) -> {
            signIn.signOut(c);
            c.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
        }));
        var actions = new Actions(sources, redactor);
        page(routes, "/console", new OverviewPage(sources));
        page(routes, "/console/runs", new RunsPage(sources));
        page(routes, "/console/runs/{id}", new RunPage(sources));
        page(routes, "/console/tickets", new TicketsPage(sources, redactor));
        page(routes, "/console/classification", new ClassificationPage(sources));
        page(routes, "/console/classification/corrections", new CorrectionsPage(sources, redactor));
        page(routes, "/console/actions", actions.page());
        page(routes, "/console/dry-runs/{id}", actions.dryRun());
        routes.post("/console/actions/fire", ctx -> action(ctx, actions.fire()));
        routes.post("/console/actions/dry-run", ctx -> action(ctx, actions.startDryRun()));
    }

    private void page(RoutesConfig routes, String path, ConsolePage page) {
        routes.get(path, ctx -> {
            Optional<Session> session = signIn.session(ctx);
            if (session.isEmpty()) {
                Layout.headers(ctx);
                ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
                return;
            }
            page.handle(ctx, session.get());
        });
    }

    /** A POST: refused with 403 without a session or without its CSRF token, before the action sees it. */
    private void action(Context ctx, ConsolePage action) throws Exception {
        Optional<Session> session = signIn.session(ctx);
        if (session.isEmpty()) {
            signInForm(ctx, 403, "Sign in first: this action needs a signed-in session.");
            return;
        }
        if (!signIn.csrfMatches(ctx, session.get())) {
            Layout.send(ctx, 403, session.get(), "", "Refused", new Html().add("<p role=\"alert\">This form was not sent from "
                    + "this console page (its CSRF token is missing or wrong). Reload the page and try again.</p>"));
            return;
        }
        action.handle(ctx, session.get());
    }

    private void signIn(Context ctx) {
        switch (signIn.attempt(ctx, ctx.formParam("token"))) {
            case SIGNED_IN -> {
                Layout.headers(ctx);
                ctx.redirect("/console", HttpStatus.SEE_OTHER);
            }
            case WRONG_TOKEN -> signInForm(ctx, 401, "That token is not the console's token (infrastructure.console.token).");
            case THROTTLED -> signInForm(ctx, 429, "Too many wrong tokens in the last minute; sign-in is paused for a minute.");
        }
    }

    private void signInForm(Context ctx, int status, String problem) {
        var page = new Html();
        if (problem != null) {
            page.add("<p role=\"alert\" class=\"problems\">").text(problem).add("</p>");
        }
        page.add("<form method=\"post\" action=\"/console/sign-in\" class=\"signin\"><label for=\"token\">Access token</label>"
                + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required autofocus>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"muted\">The token is infrastructure.console.token in the engine's config.</p>");
        Layout.send(ctx, status, null, "", "Sign in", page);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = assets.get(name);
        Layout.headers(ctx);
        if (body == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
            return;
        }
        ctx.header("Cache-Control", "max-age=3600").contentType(ASSETS.get(name)).result(body);
    }

    private static byte[] asset(String name) {
        try (InputStream in = Console.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
