package dev.otai.testkit.zammad;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Zammad's Elasticsearch query syntax the fake understands: terms joined by {@code AND}, each
 * {@code *}, {@code group.name:"X"}, {@code state.name:X} or {@code state.name:(a OR b)}, {@code title:"X"},
 * {@code number:N}, {@code priority.name:"X"} and {@code updated_at:>ISO}.
 */
final class ZammadSearch {

    private static final Pattern TERM = Pattern.compile("([\\w.]+):(>)?(\"[^\"]*\"|\\([^)]*\\)|\\S+)");

    private ZammadSearch() {
    }

    static Predicate<ZammadTicket> parse(String query) {
        Predicate<ZammadTicket> all = t -> true;
        if (query == null || query.isBlank() || query.strip().equals("*")) {
            return all;
        }
        Matcher m = TERM.matcher(query);
        while (m.find()) {
            all = all.and(term(m.group(1), m.group(2) != null, m.group(3)));
        }
        return all;
    }

    private static Predicate<ZammadTicket> term(String field, boolean greater, String raw) {
        List<String> values = values(raw);
        return switch (field) {
            case "group.name", "group" -> t -> values.contains(t.group());
            case "state.name", "state" -> t -> values.contains(t.state());
            case "priority.name", "priority" -> t -> values.contains(t.priority());
            case "title" -> t -> values.contains(t.title());
            case "number" -> t -> values.contains(t.number());
            case "updated_at" -> t -> !greater || t.updatedAt().isAfter(Instant.parse(values.getFirst()));
            default -> throw new ZammadError(422, "unknown search field '" + field + "'");
        };
    }

    private static List<String> values(String raw) {
        if (raw.startsWith("\"")) {
            return List.of(raw.substring(1, raw.length() - 1));
        }
        if (raw.startsWith("(")) {
            return Arrays.stream(raw.substring(1, raw.length() - 1).split("\\s+OR\\s+"))
                    .map(v -> v.strip().replace("\"", "")).toList();
        }
        return List.of(raw);
    }

    static Comparator<ZammadTicket> order(Map<String, String> query) {
        String sortBy = query.getOrDefault("sort_by", "id");
        Comparator<ZammadTicket> by = switch (sortBy) {
            case "created_at" -> Comparator.comparing(ZammadTicket::createdAt);
            case "updated_at" -> Comparator.comparing(ZammadTicket::updatedAt);
            default -> Comparator.comparingLong(ZammadTicket::id);
        };
        by = by.thenComparingLong(ZammadTicket::id);
        return "desc".equalsIgnoreCase(query.get("order_by")) ? by.reversed() : by;
    }
}
