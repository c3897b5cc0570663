package dev.otai.console;

import dev.otai.console.signin.Session;
import dev.otai.console.signin.SignIn;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The frame around every console page: skip link, navigation, sign-out form, one {@code main} with one {@code h1},
 * and the headers that keep the page to its own assets (no inline script, no framing, no caching, no referrer).
 */
public final class Layout {

    /** The sections of the navigation, in order: path and label. */
    private static final List<String[]> SECTIONS = List.of(
            new String[] {"/console", "Overview"},
            new String[] {"/console/runs", "Runs"},
            new String[] {"/console/tickets", "Tickets"},
            new String[] {"/console/classification", "Classification"},
            new String[] {"/console/actions", "Actions"});
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Layout() {
    }

    /** Sends {@code body} as a page titled {@code title}, with {@code section} (a navigation path) marked current. */
    public static void send(Context ctx, int status, Session session, String section, String title, Html body) {
        var page = new Html();
        page.add("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .text(title).add(" · otai console</title>"
                        + "<link rel=\"stylesheet\" href=\"/console/assets/console.css\">"
                        + "<script src=\"/console/assets/console.js\" defer></script></head><body>"
                        + "<a class=\"skip\" href=\"#main\">Skip to content</a><header><span class=\"brand\">otai</span>");
        if (session != null) {
            page.add("<nav aria-label=\"Console\"><ul>");
            for (String[] entry : SECTIONS) {
                page.add("<li><a href=\"").add(entry[0]).add("\"").add(entry[0].equals(section) ? " aria-current=\"page\"" : "")
                        .add(">").add(entry[1]).add("</a></li>");
            }
            page.add("</ul></nav><form method=\"post\" action=\"/console/sign-out\" class=\"signout\">");
            csrf(page, session);
            page.add("<button type=\"submit\">Sign out</button></form>");
        }
        page.add("</header><main id=\"main\" tabindex=\"-1\"><h1>").text(title).add("</h1>")
                .add(body.toString()).add("</main></body></html>");
        headers(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(page.toString());
    }

    /** The security headers of every console answer. */
    public static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
    }

    /** The hidden field that carries the session's CSRF token in a form. */
    public static void csrf(Html page, Session session) {
        page.add("<input type=\"hidden\" name=\"").add(SignIn.CSRF_FIELD).add("\" value=\"").text(session.csrf()).add("\">");
    }

    /** An instant as a {@code time} element in UTC; the page's script shows it in the reader's time zone. */
    public static void time(Html page, Instant at) {
        if (at == null) {
            page.add("–");
            return;
        }
        page.add("<time datetime=\"").text(at.toString()).add("\">").text(TIME.format(at)).add("</time>");
    }

    /** A duration as people read it: 850 ms, 12.3 s, 4 min 5 s. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    /** An outcome as a badge whose text says it (colour is not the only signal). */
    public static void outcome(Html page, String outcome) {
        badge(page, switch (outcome) {
            case "succeeded" -> "ok";
            case "failed" -> "bad";
            case "skipped" -> "skip";
            default -> "other";
        }, outcome);
    }

    /** A badge of one of the styles {@code ok}, {@code bad}, {@code skip}, {@code other}, with its text. */
    public static void badge(Html page, String style, String text) {
        page.add("<span class=\"badge ").add(style).add("\">").text(text).add("</span>");
    }

    /** A link into the console with escaped query values: {@code link(page, "/console/runs/", id, id)}. */
    public static void link(Html page, String path, String value, Object label) {
        page.add("<a href=\"").add(path).text(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .add("\">").text(label).add("</a>");
    }
}
