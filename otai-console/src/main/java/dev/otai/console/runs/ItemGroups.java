package dev.otai.console.runs;

import dev.otai.store.history.RunQueries.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's steps sorted by where they ran: those at the top of the run, and those of each for-each item (scope
 * {@code item N}, nested scopes included), with the item's own outcome and the ticket its steps named.
 */
public record ItemGroups(List<Step> top, Map<Integer, Item> items) {

    /** One for-each item: its steps in the order they ended. */
    public record Item(int index, List<Step> steps) {

        /** failed when any step failed, skipped when every step was, succeeded otherwise. */
        public String outcome() {
            if (steps.stream().anyMatch(s -> s.outcome().equals("failed"))) {
                return "failed";
            }
            return steps.stream().allMatch(s -> s.outcome().equals("skipped")) ? "skipped" : "succeeded";
        }

        /** The ticket id the item's steps were given ({@code ticket_id} param), or null when none names one. */
        public String ticketId() {
            for (Step step : steps) {
                Object id = step.params().get("ticket_id");
                if (id != null) {
                    return id.toString();
                }
            }
            return null;
        }
    }

    public static ItemGroups of(List<Step> steps) {
        var top = new ArrayList<Step>();
        var grouped = new TreeMap<Integer, List<Step>>();
        for (Step step : steps) {
            Integer index = itemIndex(step.scope());
            if (index == null) {
                top.add(step);
            } else {
                grouped.computeIfAbsent(index, k -> new ArrayList<>()).add(step);
            }
        }
        var items = new LinkedHashMap<Integer, Item>();
        grouped.forEach((index, list) -> items.put(index, new Item(index, List.copyOf(list))));
        return new ItemGroups(List.copyOf(top), items);
    }

    /** N of a scope {@code item N} or {@code item N/…}; null at the top of the run. */
    static Integer itemIndex(String scope) {
        if (scope == null || !scope.startsWith("item ")) {
            return null;
        }
        int end = scope.indexOf('/');
        try {
            return Integer.parseInt(scope.substring(5, end < 0 ? scope.length() : end));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
