package dev.otai.core.config;

import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.config.ConfigNode.ScalarNode;
import dev.otai.core.template.TemplateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code infrastructure.logging}, {@code infrastructure.http}, {@code infrastructure.templates} and (through
 * {@link StorageReader}) {@code infrastructure.storage} and (through {@link ConsoleReader}) {@code infrastructure.console}.
 */
final class InfrastructureReader {

    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "OFF");
    private static final Set<String> LOGGING_KEYS = Set.of("level", "log_to_file", "log_file_path", "file", "format",
            "log_format", "date_format", "json");
    private static final Set<String> FORMAT_KEYS = Set.of("message_format", "date_format");
    private static final Set<String> HTTP_KEYS = Set.of("host", "port", "max_body_bytes", "allowed_hosts", "reload_token");
    private static final Set<String> SECTIONS = Set.of("logging", "http", "templates", "storage", "console");
    private static final Set<String> TEMPLATE_KEYS = Set.of("max_output_chars", "max_loop_iterations", "max_render_time");

    private InfrastructureReader() {
    }

    /** Warns of each key directly under {@code infrastructure} that is none of its sections (OTAI ignores them too). */
    static void sections(MapNode infrastructure, Problems problems) {
        new SectionReader(problems).unknownKeys(infrastructure, SECTIONS, "infrastructure");
    }

    static StorageSettings storage(MapNode infrastructure, java.util.Map<String, String> environment, Problems problems) {
        return StorageReader.storage(infrastructure, environment, problems);
    }

    static ConsoleSettings console(MapNode infrastructure, java.util.Map<String, String> environment, Problems problems) {
        return ConsoleReader.console(infrastructure, environment, problems);
    }

    static LoggingSettings logging(MapNode infrastructure, Problems problems) {
        SectionReader section = new SectionReader(problems);
        LoggingSettings defaults = LoggingSettings.defaults();
        Optional<MapNode> node = section.map(infrastructure, "logging", "infrastructure.logging");
        if (node.isEmpty()) {
            return defaults;
        }
        MapNode logging = node.get();
        section.unknownKeys(logging, LOGGING_KEYS, "infrastructure.logging");
        String level = SectionReader.scalar(logging, "level").map(v -> v.toString().toUpperCase(Locale.ROOT))
                .orElse(defaults.level());
        if (!LEVELS.contains(level)) {
            problems.error(logging.get("level").orElseThrow(), "infrastructure.logging.level", "logging level was \""
                    + level + "\"; expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL");
            level = defaults.level();
        }
        boolean toFile = section.bool(logging, "log_to_file", "infrastructure.logging.log_to_file").orElse(false);
        String file = SectionReader.scalar(logging, "file").map(Object::toString)
                .or(() -> toFile ? SectionReader.scalar(logging, "log_file_path").map(Object::toString) : Optional.empty())
                .orElse(null);
        String messageFormat = defaults.messageFormat();
        String dateFormat = SectionReader.scalar(logging, "date_format").map(Object::toString).orElse(defaults.dateFormat());
        boolean json = section.bool(logging, "json", "infrastructure.logging.json").orElse(false);
        messageFormat = SectionReader.scalar(logging, "log_format").map(Object::toString).orElse(messageFormat);
        Optional<ConfigNode> format = logging.get("format");
        if (format.isPresent() && format.get() instanceof MapNode formatMap) {
            section.unknownKeys(formatMap, FORMAT_KEYS, "infrastructure.logging.format");
            messageFormat = SectionReader.scalar(formatMap, "message_format").map(Object::toString).orElse(messageFormat);
            dateFormat = SectionReader.scalar(formatMap, "date_format").map(Object::toString).orElse(dateFormat);
        } else if (format.isPresent() && format.get() instanceof ScalarNode s && s.value() instanceof String word) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "json" -> json = true;
                case "text" -> json = false;
                default -> problems.error(s, "infrastructure.logging.format", "logging format was \"" + word
                        + "\"; expected \"text\", \"json\", or a mapping with message_format and date_format");
            }
        }
        return new LoggingSettings(level, file, messageFormat, dateFormat, json);
    }

    static HttpSettings http(MapNode infrastructure, Problems problems) {
        SectionReader section = new SectionReader(problems);
        HttpSettings defaults = HttpSettings.defaults();
        Optional<MapNode> node = section.map(infrastructure, "http", "infrastructure.http");
        if (node.isEmpty()) {
            return defaults;
        }
        MapNode http = node.get();
        section.unknownKeys(http, HTTP_KEYS, "infrastructure.http");
        String host = SectionReader.scalar(http, "host").map(Object::toString).orElse(defaults.host());
        Integer port = section.integer(http, "port", "infrastructure.http.port", 0, 65535).map(Long::intValue).orElse(null);
        int maxBody = section.integer(http, "max_body_bytes", "infrastructure.http.max_body_bytes", 1, Integer.MAX_VALUE)
                .map(Long::intValue).orElse(defaults.maxBodyBytes());
        List<String> allowedHosts = allowedHosts(http, problems);
        var settings = new HttpSettings(host, port, maxBody, allowedHosts, reloadToken(http, problems));
        if (!settings.loopbackOnly() && allowedHosts.isEmpty()) {
            problems.warning(http.get("host").map(ConfigNode::location).orElse(http.location()), "infrastructure.http.host",
                    "the HTTP server listens on " + host + ", reachable from other hosts, and accepts any Host header; "
                            + "set infrastructure.http.allowed_hosts to the names clients use (or [\"*\"] to keep accepting any)");
        }
        return settings;
    }

    /** {@code reload_token}: a non-empty text; its value is never repeated in a message. */
    private static String reloadToken(MapNode http, Problems problems) {
        Optional<ConfigNode> node = http.get("reload_token");
        if (node.isEmpty()) {
            return null;
        }
        Object value = node.get().toPlain();
        if (!(value instanceof String token) || token.isBlank()) {
            problems.error(node.get(), "infrastructure.http.reload_token", "'reload_token' was "
                    + (value instanceof String ? "empty" : "not a text") + "; expected the token 'otai trigger --reload' "
                    + "must send, or no reload_token at all");
            return null;
        }
        return token.strip();
    }

    private static List<String> allowedHosts(MapNode http, Problems problems) {
        Optional<ConfigNode> node = http.get("allowed_hosts");
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return List.of();
        }
        String expected = "; expected a list of host names or addresses without port, such as [otai.example.com, 10.0.0.5], or [\"*\"]";
        if (!(node.get() instanceof ConfigNode.ListNode list)) {
            problems.error(node.get(), "infrastructure.http.allowed_hosts", "'allowed_hosts' was " + node.get().describe() + expected);
            return List.of();
        }
        var names = new ArrayList<String>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            if (item instanceof ScalarNode s && s.value() != null && !s.value().toString().isBlank()
                    && !s.value().toString().contains("/")) {
                names.add(s.value().toString().strip().toLowerCase(Locale.ROOT));
            } else {
                problems.error(item, Paths.index("infrastructure.http.allowed_hosts", i), "allowed host was "
                        + item.describe() + expected);
            }
        }
        return List.copyOf(names);
    }

    static TemplateLimits templates(MapNode infrastructure, Problems problems) {
        SectionReader section = new SectionReader(problems);
        TemplateLimits defaults = TemplateLimits.DEFAULTS;
        String path = "infrastructure.templates";
        Optional<MapNode> node = section.map(infrastructure, "templates", path);
        if (node.isEmpty()) {
            return defaults;
        }
        MapNode templates = node.get();
        section.unknownKeys(templates, TEMPLATE_KEYS, path);
        int output = section.integer(templates, "max_output_chars", path + ".max_output_chars", 1, Integer.MAX_VALUE)
                .map(Long::intValue).orElse(defaults.maxOutputChars());
        int loops = section.integer(templates, "max_loop_iterations", path + ".max_loop_iterations", 1, Integer.MAX_VALUE)
                .map(Long::intValue).orElse(defaults.maxLoopIterations());
        Duration time = section.duration(templates, "max_render_time", path + ".max_render_time", Duration.ofMillis(1),
                "of at least 1 ms").orElse(defaults.maxRenderTime());
        return new TemplateLimits(output, loops, time);
    }
}
