package dev.otai.store.journal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The line that says where a resumed run continues its predecessor, as logged and shown by {@code otai runs show}. */
final class JournalNote {

    private static final int MAX_CHARS = 4000;
    private static final int MAX_ITEMS = 20;

    private JournalNote() {
    }

    /**
     * For example {@code continues run 1a2b3c4d: 181 step results replayed; 58 items with 3 steps recorded, continued
     * from later steps: item 12 (1 step recorded), item 40 (2)}.
     */
    static String where(String oldRunId, Collection<String> keys, int notKept) {
        var perItem = new TreeMap<Integer, Integer>();
        for (String key : keys) {
            String scope = key.substring(0, key.indexOf('\n'));
            if (scope.startsWith("item ")) {
                int end = scope.indexOf('/');
                String index = scope.substring(5, end < 0 ? scope.length() : end);
                perItem.merge(Integer.parseInt(index), 1, Integer::sum);
            }
        }
        var text = new StringBuilder("continues run " + oldRunId + ": " + keys.size() + " step results replayed");
        if (notKept > 0) {
            text.append(", ").append(notKept).append(" run again (their results could not be kept)");
        }
        if (!perItem.isEmpty()) {
            int most = perItem.values().stream().max(Integer::compare).orElse(0);
            Map<Integer, Integer> partial = perItem.entrySet().stream().filter(e -> e.getValue() < most)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
            text.append("; ").append(perItem.size() - partial.size()).append(" items with ").append(most)
                    .append(" steps recorded");
            if (!partial.isEmpty()) {
                text.append(", continued from a later step: ").append(partial.entrySet().stream().limit(MAX_ITEMS)
                        .map(e -> "item " + e.getKey() + " (" + e.getValue() + " recorded)")
                        .collect(Collectors.joining(", ")));
                if (partial.size() > MAX_ITEMS) {
                    text.append(" and ").append(partial.size() - MAX_ITEMS).append(" more");
                }
            }
        }
        return cut(text.toString());
    }

    static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
