package dev.otai.store;

import dev.otai.core.config.ConfigNode;
import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.config.ConfigNode.ScalarNode;
import dev.otai.core.config.Durations;
import dev.otai.core.config.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code infrastructure.storage} from a loaded config tree (after environment overrides), reporting each bad
 * value with its YAML path and location. Relative data directories are resolved against a base folder (the
 * working directory).
 */
public final class StorageSettingsReader {

    private static final String PATH = "infrastructure.storage";
    private static final Set<String> KEYS = Set.of("data_dir", "retention", "max_value_chars", "max_steps_per_run", "ledger");
    private static final Set<String> RETENTION_KEYS = Set.of("max_age", "max_runs");
    private static final Set<String> LEDGER_KEYS = Set.of("enabled", "max_writes_per_run", "max_writes_per_ticket", "window",
            "always_write");

    private final Problems problems;

    private StorageSettingsReader(Problems problems) {
        this.problems = problems;
    }

    /** The settings under {@code infrastructure.storage} of {@code root} (the tree below the root key). */
    public static StorageSettings read(MapNode root, Path base, Problems problems) {
        return new StorageSettingsReader(problems).storage(root, base);
    }

    private StorageSettings storage(MapNode root, Path base) {
        StorageSettings defaults = StorageSettings.defaults();
        Optional<MapNode> storage = map(root, "infrastructure", "infrastructure").flatMap(i -> map(i, "storage", PATH));
        if (storage.isEmpty()) {
            return defaults.withDataDirectory(base.resolve(defaults.dataDirectory()));
        }
        MapNode node = storage.get();
        unknownKeys(node, KEYS, PATH);
        Path dir = scalar(node, "data_dir").map(v -> base.resolve(v.toString())).orElse(base.resolve(defaults.dataDirectory()));
        Optional<MapNode> retention = map(node, "retention", PATH + ".retention");
        retention.ifPresent(r -> unknownKeys(r, RETENTION_KEYS, PATH + ".retention"));
        Duration maxAge = retention.flatMap(r -> duration(r, "max_age", PATH + ".retention.max_age")).orElse(defaults.maxAge());
        long maxRuns = retention.flatMap(r -> integer(r, "max_runs", PATH + ".retention.max_runs")).orElse(defaults.maxRuns());
        long maxChars = integer(node, "max_value_chars", PATH + ".max_value_chars").orElse((long) defaults.maxValueChars());
        long maxSteps = integer(node, "max_steps_per_run", PATH + ".max_steps_per_run").orElse((long) defaults.maxStepsPerRun());
        return new StorageSettings(dir, maxAge, maxRuns, (int) Math.min(maxChars, 1_000_000), (int) Math.min(maxSteps, 1_000_000),
                ledger(node));
    }

    private StorageSettings.LedgerSettings ledger(MapNode storage) {
        StorageSettings.LedgerSettings defaults = StorageSettings.LedgerSettings.defaults();
        String path = PATH + ".ledger";
        Optional<MapNode> node = map(storage, "ledger", path);
        if (node.isEmpty()) {
            return defaults;
        }
        MapNode ledger = node.get();
        unknownKeys(ledger, LEDGER_KEYS, path);
        boolean enabled = scalar(ledger, "enabled").map(v -> Boolean.parseBoolean(v.toString())).orElse(defaults.enabled());
        long perRun = integer(ledger, "max_writes_per_run", path + ".max_writes_per_run").orElse((long) defaults.maxWritesPerRun());
        long perTicket = integer(ledger, "max_writes_per_ticket", path + ".max_writes_per_ticket")
                .orElse((long) defaults.maxWritesPerTicket());
        Duration window = duration(ledger, "window", path + ".window").orElse(defaults.window());
        return new StorageSettings.LedgerSettings(enabled, (int) Math.min(perRun, Integer.MAX_VALUE),
                (int) Math.min(perTicket, Integer.MAX_VALUE), window, stepIds(ledger, path + ".always_write"));
    }

    private Set<String> stepIds(MapNode ledger, String path) {
        Optional<ConfigNode> node = ledger.get("always_write");
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return Set.of();
        }
        if (node.get() instanceof ConfigNode.ListNode list
                && list.items().stream().allMatch(i -> i instanceof ScalarNode s && s.value() != null)) {
            var ids = new java.util.LinkedHashSet<String>();
            list.items().forEach(i -> ids.add(((ScalarNode) i).value().toString()));
            return ids;
        }
        problems.error(node.get(), path, "'always_write' was " + node.get().describe() + "; expected a list of step ids");
        return Set.of();
    }

    private Optional<Long> integer(MapNode map, String key, String path) {
        Optional<Object> value = scalar(map, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(value.get().toString().strip());
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ConfigNode node = map.get(key).orElseThrow();
        problems.error(node, path, "'" + key + "' was " + node.describe() + "; expected an integer of at least 1");
        return Optional.empty();
    }

    private Optional<Duration> duration(MapNode map, String key, String path) {
        Optional<Object> value = scalar(map, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> parsed = Durations.parse(value.get()).filter(Duration::isPositive);
        if (parsed.isEmpty()) {
            ConfigNode node = map.get(key).orElseThrow();
            problems.error(node, path, "'" + key + "' was " + node.describe() + "; expected a positive duration (ISO-8601 like P30D or PT1H, H:MM:SS, or seconds)");
        }
        return parsed;
    }

    private Optional<MapNode> map(MapNode parent, String key, String path) {
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

    private static Optional<Object> scalar(MapNode map, String key) {
        return map.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).value()).filter(v -> v != null);
    }

    private void unknownKeys(MapNode map, Set<String> known, String path) {
        for (var entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                problems.warning(entry.keyLocation(), path + "." + entry.key(), "unknown key '" + entry.key()
                        + "' is ignored; known keys: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
