package dev.otai.console.runs;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The runs list's filter, read from the query string: runner, outcome, time range (UTC), ticket id, and the page
 * cursor {@code before}. Each bad value becomes a problem naming the field, the value and what was expected.
 */
record RunFilter(String runner, String outcome, Instant from, Instant to, String ticket, Instant before, List<String> problems) {

    static final Set<String> OUTCOMES = Set.of("succeeded", "failed", "skipped", "running", "abandoned");
    private static final int MAX_TEXT = 200;

    static RunFilter of(Context ctx) {
        var problems = new ArrayList<String>();
        String runner = text(ctx, "runner", problems);
        String outcome = text(ctx, "outcome", problems);
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            problems.add("'outcome' was \"" + outcome + "\"; expected one of succeeded, failed, skipped, running, abandoned");
            outcome = null;
        }
        Instant from = time(ctx, "from", false, problems);
        Instant to = time(ctx, "to", true, problems);
        String ticket = text(ctx, "ticket", problems);
        Instant before = time(ctx, "before", false, problems);
        return new RunFilter(runner, outcome, from, to, ticket, before, List.copyOf(problems));
    }

    /** The query string of this filter with another page cursor. */
    String query(Instant newBefore) {
        var query = new StringBuilder();
        append(query, "runner", runner);
        append(query, "outcome", outcome);
        append(query, "from", from == null ? null : from.toString());
        append(query, "to", to == null ? null : to.toString());
        append(query, "ticket", ticket);
        append(query, "before", newBefore == null ? null : newBefore.toString());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String text(Context ctx, String name, List<String> problems) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            problems.add("'" + name + "' has " + value.length() + " characters; expected at most " + MAX_TEXT);
            return null;
        }
        return value.strip();
    }

    /** An instant, a date and time as a date-time field sends it (UTC), or a date (its start, or for 'to' its end). */
    private static Instant time(Context ctx, String name, boolean endOfDay, List<String> problems) {
        String value = text(ctx, name, problems);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // not an instant
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a date and time
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add("'" + name + "' was \"" + value + "\"; expected a date (2026-12-06), a date and time in UTC "
                    + "(2026-12-06T09:30) or an instant (2026-12-06T09:30:00Z)");
            return null;
        }
    }
}
