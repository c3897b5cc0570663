package dev.otai.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies {@code OTAI__A__B=value} and {@code OPEN_TICKET_AI__A__B=value} (also {@code CFG__…}) overrides to the
 * config tree below the root key. Names are case-insensitive and {@code __} separates levels; an existing key
 * is matched ignoring case, a missing one is created in lower case, and a numeric level indexes a list.
 * Overridden values are strings; params convert them to their declared kind.
 */
public final class EnvOverrides {

    private static final List<String> PREFIXES = List.of("OPEN_TICKET_AI__", "OTAI__", "CFG__");

    private EnvOverrides() {
    }

    /** Applies every matching variable of {@code vars} to {@code root}; {@code origin} names where they came from. */
    public static ConfigNode.MapNode apply(ConfigNode.MapNode root, Map<String, String> vars, String origin,
                                           Problems problems) {
        ConfigNode.MapNode result = root;
        for (var variable : new TreeMap<>(vars).entrySet()) {
            String name = variable.getKey();
            String upper = name.toUpperCase(Locale.ROOT);
            for (String prefix : PREFIXES) {
                if (upper.startsWith(prefix) && upper.length() > prefix.length()) {
                    List<String> segments = List.of(name.substring(prefix.length()).split("__"));
                    Location location = Location.of(origin + " " + name);
                    var value = new ConfigNode.ScalarNode(variable.getValue(), location);
                    ConfigNode replaced = set(result, segments, value, location, problems, name);
                    if (replaced instanceof ConfigNode.MapNode map) {
                        result = map;
                    }
                    break;
                }
            }
        }
        return result;
    }

    private static ConfigNode set(ConfigNode node, List<String> segments, ConfigNode value, Location location,
                                  Problems problems, String variable) {
        if (segments.isEmpty()) {
            return value;
        }
        String segment = segments.getFirst();
        List<String> rest = segments.subList(1, segments.size());
        if (node instanceof ConfigNode.ListNode list && segment.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment);
            if (index >= list.items().size()) {
                problems.error(location, "", "environment variable " + variable + " indexes item " + index
                        + " of a list with " + list.items().size() + " items");
                return list;
            }
            var items = new ArrayList<>(list.items());
            items.set(index, set(items.get(index), rest, value, location, problems, variable));
            return new ConfigNode.ListNode(items, list.location());
        }
        ConfigNode.MapNode map = node instanceof ConfigNode.MapNode m ? m
                : new ConfigNode.MapNode(Map.of(), location);
        String key = map.entries().keySet().stream()
                .filter(k -> k.equalsIgnoreCase(segment))
                .findFirst()
                .orElse(segment.toLowerCase(Locale.ROOT));
        var entries = new LinkedHashMap<>(map.entries());
        ConfigNode.Entry existing = entries.get(key);
        ConfigNode child = existing == null ? new ConfigNode.MapNode(Map.of(), location) : existing.value();
        ConfigNode updated = set(child, rest, value, location, problems, variable);
        entries.put(key, new ConfigNode.Entry(key, existing == null ? location : existing.keyLocation(), updated));
        return new ConfigNode.MapNode(entries, map.location());
    }
}
