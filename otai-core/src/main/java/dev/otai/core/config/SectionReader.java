package dev.otai.core.config;

import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.config.ConfigNode.ScalarNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the values of one {@code infrastructure} section, reporting each bad value to {@link Problems} with its
 * YAML path and location and answering empty, so that the caller keeps its default.
 */
final class SectionReader {

    private final Problems problems;

    SectionReader(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** The mapping under {@code key}; empty when absent or null, reported when not a mapping. */
    Optional<MapNode> map(MapNode parent, String key, String path) {
        Optional<ConfigNode> node = parent.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return Optional.empty();
        }
        if (node.get() instanceof MapNode map) {
            return Optional.of(map);
        }
        problems.error(node.get(), path, "'" + key + "' was " + node.get().describe() + "; expected a mapping");
        return Optional.empty();
    }

    /** The non-null scalar value under {@code key}. */
    static Optional<Object> scalar(MapNode map, String key) {
        return map.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).value());
    }

    /** A boolean under {@code key}: {@code true}/{@code false}, or that text in any case. */
    Optional<Boolean> bool(MapNode map, String key, String path) {
        Optional<Object> value = scalar(map, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Boolean b) {
            return Optional.of(b);
        }
        String text = value.get().toString().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        ConfigNode node = map.get(key).orElseThrow();
        problems.error(node, path, "'" + key + "' was " + node.describe() + "; expected true or false");
        return Optional.empty();
    }

    /** A whole number in [min, max] under {@code key}. */
    Optional<Long> integer(MapNode map, String key, String path, long min, long max) {
        Optional<Object> value = scalar(map, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(value.get().toString().strip());
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ConfigNode node = map.get(key).orElseThrow();
        String range = max == Long.MAX_VALUE ? "of at least " + min : "in [" + min + ", " + max + "]";
        problems.error(node, path, "'" + key + "' was " + node.describe() + "; expected an integer " + range);
        return Optional.empty();
    }

    /** A duration of at least {@code min} under {@code key}, in any form {@link Durations} reads. */
    Optional<Duration> duration(MapNode map, String key, String path, Duration min, String minText) {
        Optional<ConfigNode> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return Optional.empty();
        }
        Optional<Duration> parsed = node.get() instanceof ScalarNode s ? Durations.parse(s.value()) : Optional.empty();
        if (parsed.isPresent() && parsed.get().compareTo(min) >= 0) {
            return parsed;
        }
        problems.error(node.get(), path, "'" + key + "' was " + node.get().describe() + "; expected " + Durations.EXPECTATION
                + ", " + minText);
        return Optional.empty();
    }

    /** Warns of each key of {@code map} not in {@code known}, with the nearest known key when it looks like a typo. */
    void unknownKeys(MapNode map, Set<String> known, String path) {
        for (var entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                String hint = Similarity.closest(entry.key(), known).map(k -> "did you mean '" + k + "'? ").orElse("");
                problems.warning(entry.keyLocation(), Paths.child(path, entry.key()), "unknown key '" + entry.key()
                        + "' is ignored; " + hint + "known keys: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
