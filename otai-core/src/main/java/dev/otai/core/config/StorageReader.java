package dev.otai.core.config;

import dev.otai.core.config.ConfigNode.ListNode;
import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.config.ConfigNode.ScalarNode;
import dev.otai.core.config.StorageSettings.LedgerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code infrastructure.storage}: the data directory or (through {@link StorageServerReader}) the PostgreSQL
 * server, retention of run history, and the effect ledger's caps.
 */
final class StorageReader {

    private static final String PATH = "infrastructure.storage";
    private static final Set<String> KEYS = keys();
    private static final Set<String> RETENTION_KEYS = Set.of("max_age", "max_runs");
    private static final Set<String> LEDGER_KEYS = Set.of("enabled", "max_writes_per_run", "max_writes_per_ticket", "window",
            "always_write");
    private static final long CHARS_AND_STEPS_CEILING = 1_000_000;
    private static final String POSITIVE = "longer than zero";

    private final SectionReader section;
    private final Map<String, String> environment;

    private StorageReader(Map<String, String> environment, Problems problems) {
        this.section = new SectionReader(problems);
        this.environment = environment;
    }

    static StorageSettings storage(MapNode infrastructure, Map<String, String> environment, Problems problems) {
        return new StorageReader(environment, problems).storage(infrastructure);
    }

    private static Set<String> keys() {
        var keys = new LinkedHashSet<>(List.of("data_dir", "retention", "max_value_chars", "max_steps_per_run", "ledger"));
        keys.addAll(StorageServerReader.KEYS);
        return Set.copyOf(keys);
    }

    private StorageSettings storage(MapNode infrastructure) {
        StorageSettings defaults = StorageSettings.defaults();
        Optional<MapNode> node = section.map(infrastructure, "storage", PATH);
        if (node.isEmpty()) {
            return defaults;
        }
        MapNode storage = node.get();
        section.unknownKeys(storage, KEYS, PATH);
        Path dir = SectionReader.scalar(storage, "data_dir").map(v -> Path.of(v.toString())).orElse(defaults.dataDirectory());
        String retentionPath = PATH + ".retention";
        Optional<MapNode> retention = section.map(storage, "retention", retentionPath);
        retention.ifPresent(r -> section.unknownKeys(r, RETENTION_KEYS, retentionPath));
        Duration maxAge = retention.flatMap(r -> section.duration(r, "max_age", retentionPath + ".max_age", Duration.ofNanos(1),
                POSITIVE)).orElse(defaults.maxAge());
        long maxRuns = retention.flatMap(r -> section.integer(r, "max_runs", retentionPath + ".max_runs", 1, Long.MAX_VALUE))
                .orElse(defaults.maxRuns());
        long maxChars = section.integer(storage, "max_value_chars", PATH + ".max_value_chars", 1, Long.MAX_VALUE)
                .orElse((long) defaults.maxValueChars());
        long maxSteps = section.integer(storage, "max_steps_per_run", PATH + ".max_steps_per_run", 1, Long.MAX_VALUE)
                .orElse((long) defaults.maxStepsPerRun());
        return new StorageSettings(dir, maxAge, maxRuns, (int) Math.min(maxChars, CHARS_AND_STEPS_CEILING),
                (int) Math.min(maxSteps, CHARS_AND_STEPS_CEILING), ledger(storage),
                StorageServerReader.server(storage, environment, section.problems()));
    }

    private LedgerSettings ledger(MapNode storage) {
        LedgerSettings defaults = LedgerSettings.defaults();
        String path = PATH + ".ledger";
        Optional<MapNode> node = section.map(storage, "ledger", path);
        if (node.isEmpty()) {
            return defaults;
        }
        MapNode ledger = node.get();
        section.unknownKeys(ledger, LEDGER_KEYS, path);
        boolean enabled = section.bool(ledger, "enabled", path + ".enabled").orElse(defaults.enabled());
        long perRun = section.integer(ledger, "max_writes_per_run", path + ".max_writes_per_run", 1, Long.MAX_VALUE)
                .orElse((long) defaults.maxWritesPerRun());
        long perTicket = section.integer(ledger, "max_writes_per_ticket", path + ".max_writes_per_ticket", 1, Long.MAX_VALUE)
                .orElse((long) defaults.maxWritesPerTicket());
        Duration window = section.duration(ledger, "window", path + ".window", Duration.ofNanos(1), POSITIVE)
                .orElse(defaults.window());
        return new LedgerSettings(enabled, (int) Math.min(perRun, Integer.MAX_VALUE), (int) Math.min(perTicket, Integer.MAX_VALUE),
                window, stepIds(ledger, path + ".always_write"));
    }

    private Set<String> stepIds(MapNode ledger, String path) {
        Optional<ConfigNode> node = ledger.get("always_write");
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return Set.of();
        }
        if (node.get() instanceof ListNode list
                && list.items().stream().allMatch(i -> i instanceof ScalarNode s && s.value() != null)) {
            var ids = new LinkedHashSet<String>();
            list.items().forEach(i -> ids.add(((ScalarNode) i).value().toString()));
            return ids;
        }
        section.problems().error(node.get(), path, "'always_write' was " + node.get().describe() + "; expected a list of step ids");
        return Set.of();
    }
}
