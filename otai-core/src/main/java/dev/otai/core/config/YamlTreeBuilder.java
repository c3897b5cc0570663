package dev.otai.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@link ConfigNode} tree of one YAML document from the parser's tokens, within {@link YamlLimits}.
 * Anchors ({@code &a}) are remembered and aliases ({@code *a}) share the anchored node; the size of the tree with
 * every alias expanded is counted as it is built, so a file that would expand beyond the limit is refused without
 * ever being expanded. Merge keys ({@code <<: *a}, {@code <<: [*a, *b]}) merge mappings with YAML 1.1's rules.
 */
final class YamlTreeBuilder {

    /** YAML 1.1's merge key. */
    private static final String MERGE_KEY = "<<";

    private final JsonParser parser;
    private final String source;
    private final Problems problems;
    private final YamlLimits limits;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private long values;
    private int aliases;

    YamlTreeBuilder(JsonParser parser, String source, Problems problems, YamlLimits limits) {
        this.parser = parser;
        this.source = source;
        this.problems = problems;
        this.limits = limits;
    }

    /** Reads the document whose first token is current. */
    ConfigNode root() throws IOException {
        return node("", 0);
    }

    private ConfigNode node(String path, int depth) throws IOException {
        Location location = here();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return alias(yaml.getText(), path, location);
        }
        String anchor = parser.getObjectId() instanceof String id ? id : null; // YAML: the anchor (&name) of this node
        long before = values;
        ConfigNode node = value(path, location, depth);
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, values - before));
        }
        return node;
    }

    private ConfigNode alias(String name, String path, Location location) {
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            problems.error(location, path, "alias *" + name + " refers to no mapping or list anchored &" + name
                    + " before it (anchors on single values are not supported)");
            return new ConfigNode.ScalarNode(null, location);
        }
        if (++aliases > limits.maxAliases()) {
            throw new LimitExceeded(location, path, "alias *" + name + " is alias number " + aliases
                    + " in this file; a config may use at most " + limits.maxAliases() + " aliases");
        }
        count(anchored.values(), location, path, "alias *" + name + " (" + String.format("%,d", anchored.values())
                + " values) makes the config");
        return anchored.node();
    }

    private ConfigNode value(String path, Location location, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        count(1, location, path, "this value makes the config");
        return switch (token) {
            case START_OBJECT -> map(path, location, nested(depth, location, path));
            case START_ARRAY -> list(path, location, nested(depth, location, path));
            case VALUE_STRING -> new ConfigNode.ScalarNode(text(location, path, "a value"), location);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new ConfigNode.ScalarNode(number(), location);
            case VALUE_TRUE -> new ConfigNode.ScalarNode(Boolean.TRUE, location);
            case VALUE_FALSE -> new ConfigNode.ScalarNode(Boolean.FALSE, location);
            case VALUE_NULL -> new ConfigNode.ScalarNode(null, location);
            default -> new ConfigNode.ScalarNode(text(location, path, "a value"), location);
        };
    }

    private int nested(int depth, Location location, String path) {
        int inner = depth + 1;
        if (inner > limits.maxDepth()) {
            throw new LimitExceeded(location, path, "mappings and lists nested " + inner
                    + " levels deep; a config may nest at most " + limits.maxDepth() + " levels");
        }
        return inner;
    }

    private void count(long added, Location location, String path, String what) {
        values += added;
        if (values > limits.maxValues()) {
            throw new LimitExceeded(location, path, what + " hold more than " + String.format("%,d", limits.maxValues())
                    + " values with every alias expanded; a config may hold at most "
                    + String.format("%,d", limits.maxValues()) + " (aliases nested in aliases multiply)");
        }
    }

    private String text(Location location, String path, String what) throws IOException {
        String text = parser.getText();
        if (text != null && text.length() > limits.maxScalarChars()) {
            throw new LimitExceeded(location, path, what + " of " + String.format("%,d", text.length())
                    + " characters; a config key or value may be at most " + String.format("%,d", limits.maxScalarChars())
                    + " characters");
        }
        return text;
    }

    private Object number() throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> parser.getIntValue();
            case LONG -> parser.getLongValue();
            case BIG_INTEGER -> parser.getBigIntegerValue();
            default -> parser.getDoubleValue();
        };
    }

    private ConfigNode map(String path, Location location, int depth) throws IOException {
        var entries = new LinkedHashMap<String, ConfigNode.Entry>();
        var merged = new LinkedHashMap<String, ConfigNode.Entry>();
        Location mergeKey = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Location keyLocation = here();
            String key = text(keyLocation, path, "a key");
            parser.nextToken();
            String childPath = path.isEmpty() && ConfigLoader.ROOT_KEYS.contains(key) ? "" : Paths.child(path, key);
            ConfigNode value = node(childPath, depth);
            if (key.equals(MERGE_KEY)) {
                if (mergeKey != null) {
                    duplicate(key, keyLocation, mergeKey, childPath);
                } else {
                    mergeKey = keyLocation;
                    merge(value, childPath, merged);
                }
                continue;
            }
            ConfigNode.Entry previous = entries.get(key);
            if (previous != null) {
                duplicate(key, keyLocation, previous.keyLocation(), childPath);
                continue;
            }
            entries.put(key, new ConfigNode.Entry(key, keyLocation, value));
        }
        merged.putAll(entries);
        return new ConfigNode.MapNode(merged, location);
    }

    /**
     * YAML 1.1's merge key: {@code <<: *a} adds the keys of mapping {@code a} that the mapping does not set itself;
     * {@code <<: [*a, *b]} adds those of each, an earlier mapping winning over a later one. Merged entries keep the
     * place where they are written.
     */
    private void merge(ConfigNode value, String path, Map<String, ConfigNode.Entry> into) {
        if (value instanceof ConfigNode.MapNode map) {
            map.entries().values().forEach(entry -> into.putIfAbsent(entry.key(), entry));
            return;
        }
        if (value instanceof ConfigNode.ListNode list && list.items().stream().allMatch(ConfigNode.MapNode.class::isInstance)) {
            list.items().forEach(item -> merge(item, path, into));
            return;
        }
        String culprit = value instanceof ConfigNode.ListNode list
                ? "a list holding " + list.items().stream().filter(i -> !(i instanceof ConfigNode.MapNode)).findFirst()
                        .orElseThrow().describe()
                : value.describe();
        problems.error(value.location(), path, "merge key '<<' was " + culprit
                + "; expected a mapping or a list of mappings, such as <<: *defaults or <<: [*a, *b]");
    }

    private void duplicate(String key, Location at, Location first, String path) {
        problems.error(at, path, "duplicate key '" + key + "' (first defined at line " + first.line()
                + "); each key may appear once in a mapping");
    }

    private ConfigNode list(String path, Location location, int depth) throws IOException {
        var items = new ArrayList<ConfigNode>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(path + "[" + items.size() + "]", depth));
        }
        return new ConfigNode.ListNode(items, location);
    }

    private Location here() {
        JsonLocation at = parser.currentTokenLocation();
        return new Location(source, at.getLineNr(), at.getColumnNr());
    }

    /** An anchored node and how many values it stands for with its own aliases expanded. */
    private record Anchored(ConfigNode node, long values) {
    }

    /** The file goes beyond one of the limits; the message names the limit, the location where it was hit. */
    static final class LimitExceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient Location location;
        private final String path;

        LimitExceeded(Location location, String path, String message) {
            super(message, null, false, false);
            this.location = location;
            this.path = path;
        }

        Location location() {
            return location;
        }

        String path() {
            return path;
        }
    }
}
