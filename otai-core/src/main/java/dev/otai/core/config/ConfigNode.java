package dev.otai.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The YAML tree of a config, with the location of every node, before it becomes records. */
public sealed interface ConfigNode {

    Location location();

    /** The node as plain Java values: maps, lists, strings, numbers, booleans and nulls. */
    Object toPlain();

    /** A short description of the node's type for error messages ("a mapping", "the string \"x\""). */
    String describe();

    record MapNode(Map<String, Entry> entries, Location location) implements ConfigNode {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Optional<ConfigNode> get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? Optional.empty() : Optional.of(entry.value());
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        @Override
        public Object toPlain() {
            var map = new LinkedHashMap<String, Object>();
            entries.forEach((key, entry) -> map.put(key, entry.value().toPlain()));
            return map;
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the location of the key itself. */
    record Entry(String key, Location keyLocation, ConfigNode value) {
    }

    record ListNode(List<ConfigNode> items, Location location) implements ConfigNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public Object toPlain() {
            var list = new ArrayList<Object>(items.size());
            items.forEach(item -> list.add(item.toPlain()));
            return list;
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar: String, Integer/Long/BigInteger, Double, Boolean, or null. */
    record ScalarNode(Object value, Location location) implements ConfigNode {
        @Override
        public Object toPlain() {
            return value;
        }

        @Override
        public String describe() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return "the string \"" + s + "\"";
            }
            return (value instanceof Boolean ? "the boolean " : "the number ") + value;
        }
    }
}
