package dev.otai.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the config file, reads it, and merges its sources. Precedence, highest first: process environment,
 * the {@code .env} file beside the config, the config file.
 */
public final class ConfigLoader {

    static final List<String> ROOT_KEYS = List.of("cfg", "otai", "open_ticket_ai");

    private ConfigLoader() {
    }

    /** The config file: {@code --config}, else {@code OTAI_CONFIG}, else {@code ./config.yml}. */
    public static Path locate(Optional<Path> fromCommandLine, Map<String, String> env, Path workingDirectory) {
        if (fromCommandLine.isPresent()) {
            return fromCommandLine.get();
        }
        for (String name : List.of("OTAI_CONFIG", "OPEN_TICKET_AI_CONFIG")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return workingDirectory.resolve(value);
            }
        }
        return workingDirectory.resolve("config.yml");
    }

    /**
     * Reads {@code file} and applies overrides. The returned environment is the process environment on top of
     * the {@code .env} values: what {@code get_env} sees.
     */
    public static Optional<Loaded> load(Path file, Map<String, String> processEnv, Problems problems) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = readBounded(file);
        } catch (IOException e) {
            problems.error(Location.of(source), "", "cannot read config file: "
                    + (Files.exists(file) ? e.getMessage() : "no such file")
                    + "; pass --config FILE, set OTAI_CONFIG, or create ./config.yml");
            return Optional.empty();
        }
        if (bytes.length > YamlReader.maxBytes()) {
            boolean regular = Files.isRegularFile(file);
            problems.error(Location.of(source), "", YamlReader.tooLarge(regular ? sizeOf(file) : YamlReader.maxBytes(), regular));
            return Optional.empty();
        }
        return read(bytes, source, dotEnvOf(file, problems), processEnv, problems);
    }

    /**
     * The file's bytes, or only the first {@link YamlReader#maxBytes()} + 1 of a larger one: a huge file (or a
     * device such as {@code /dev/zero}) is refused without being read whole.
     */
    private static byte[] readBounded(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(YamlReader.maxBytes() + 1);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return YamlReader.maxBytes() + 1L;
        }
    }

    /** Reads config bytes with the given {@code .env} values and process environment. */
    public static Optional<Loaded> read(byte[] bytes, String source, Map<String, String> dotEnv,
                                        Map<String, String> processEnv, Problems problems) {
        Optional<ConfigNode> parsed = YamlReader.read(bytes, source, problems);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<ConfigNode.MapNode> root = rootOf(parsed.get(), source, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        ConfigNode.MapNode merged = EnvOverrides.apply(root.get(), dotEnv, ".env", problems);
        merged = EnvOverrides.apply(merged, processEnv, "env", problems);
        var environment = new LinkedHashMap<>(dotEnv);
        environment.putAll(processEnv);
        return Optional.of(new Loaded(source, merged, Map.copyOf(environment)));
    }

    private static Map<String, String> dotEnvOf(Path file, Problems problems) {
        Path dotEnv = file.toAbsolutePath().resolveSibling(".env");
        if (!Files.isRegularFile(dotEnv)) {
            return Map.of();
        }
        try {
            return DotEnv.parse(Files.readString(dotEnv, StandardCharsets.UTF_8), dotEnv.toString(), problems);
        } catch (IOException e) {
            problems.error(Location.of(dotEnv.toString()), "", "cannot read .env file: " + e.getMessage());
            return Map.of();
        }
    }

    private static Optional<ConfigNode.MapNode> rootOf(ConfigNode document, String source, Problems problems) {
        if (!(document instanceof ConfigNode.MapNode top)) {
            problems.error(document, "", "the config's root is " + document.describe()
                    + "; expected a mapping with the root key 'open_ticket_ai' (or 'otai', 'cfg')");
            return Optional.empty();
        }
        ConfigNode.Entry chosen = null;
        for (String key : ROOT_KEYS) {
            ConfigNode.Entry entry = top.entries().get(key);
            if (entry == null) {
                continue;
            }
            if (chosen == null) {
                chosen = entry;
            } else {
                problems.warning(entry.keyLocation(), key, "root key '" + key + "' is ignored because '"
                        + chosen.key() + "' is also present (precedence: cfg, otai, open_ticket_ai)");
            }
        }
        for (var entry : top.entries().values()) {
            if (!ROOT_KEYS.contains(entry.key())) {
                problems.error(entry.keyLocation(), entry.key(), "unknown top-level key '" + entry.key()
                        + "'; expected only the root key 'open_ticket_ai' (or 'otai', 'cfg')");
            }
        }
        if (chosen == null) {
            problems.error(top, "", "no root key; expected 'open_ticket_ai' (or 'otai', 'cfg') at the top of the file");
            return Optional.empty();
        }
        if (chosen.value() instanceof ConfigNode.ScalarNode scalar && scalar.value() == null) {
            return Optional.of(new ConfigNode.MapNode(Map.of(), chosen.value().location()));
        }
        if (!(chosen.value() instanceof ConfigNode.MapNode body)) {
            problems.error(chosen.value(), "", "root key '" + chosen.key() + "' holds " + chosen.value().describe()
                    + "; expected a mapping with services and orchestrator");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    /**
     * A read config: the tree below the root key with overrides applied, and the environment templates see.
     */
    public record Loaded(String source, ConfigNode.MapNode root, Map<String, String> environment) {
    }
}
