package dev.otai.core.config;

import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.config.ConfigNode.ScalarNode;
import dev.otai.core.config.StorageSettings.Server;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the PostgreSQL part of {@code infrastructure.storage}: {@code url} (set, it turns clustered mode on),
 * {@code user}, {@code password} (written out or {@code {{ get_env('NAME') }}}; never repeated in a message),
 * {@code pool_size}, {@code node} and {@code lease}.
 */
final class StorageServerReader {

    static final List<String> KEYS = List.of("url", "user", "password", "pool_size", "node", "lease");
    private static final String PATH = "infrastructure.storage";
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://[^/\\s]+/[^?\\s/]+(\\?\\S*)?");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_POOL_SIZE = 500;

    private final SectionReader section;
    private final Map<String, String> environment;

    private StorageServerReader(SectionReader section, Map<String, String> environment) {
        this.section = section;
        this.environment = environment;
    }

    /** The server, when {@code url} is set and every server key is good; empty (reported) otherwise. */
    static Optional<Server> server(MapNode storage, Map<String, String> environment, Problems problems) {
        return new StorageServerReader(new SectionReader(problems), environment).server(storage);
    }

    private Optional<Server> server(MapNode storage) {
        Optional<ConfigNode> urlNode = storage.get("url").filter(n -> !(n instanceof ScalarNode s && s.value() == null));
        if (urlNode.isEmpty()) {
            KEYS.stream().filter(storage::has).findFirst().ifPresent(key -> section.problems().warning(
                    storage.get(key).orElseThrow().location(), PATH + "." + key, "'" + key + "' is ignored without 'url': "
                            + "the store is the embedded one in data_dir; set url to a jdbc:postgresql:// url for clustered mode"));
            return Optional.empty();
        }
        int errors = section.problems().errors().size();
        String url = url(urlNode.get());
        String user = text(storage, "user").orElse("");
        String password = password(storage);
        int poolSize = section.integer(storage, "pool_size", PATH + ".pool_size", 2, MAX_POOL_SIZE)
                .map(Long::intValue).orElse(Server.DEFAULT_POOL_SIZE);
        String node = node(storage);
        Duration lease = section.duration(storage, "lease", PATH + ".lease", Server.MIN_LEASE, "of at least 2 seconds")
                .orElse(Server.DEFAULT_LEASE);
        if (section.problems().errors().size() > errors) {
            return Optional.empty();
        }
        return Optional.of(new Server(url, user, password, poolSize, node, lease));
    }

    private String url(ConfigNode node) {
        String expected = "; expected a PostgreSQL JDBC url such as jdbc:postgresql://db.internal:5432/otai";
        if (node instanceof ScalarNode s && s.value() instanceof String text && URL.matcher(text.strip()).matches()) {
            return text.strip();
        }
        String described = node instanceof ScalarNode s && s.value() instanceof String text
                ? "the string \"" + Server.printable(text) + "\"" : node.describe();
        section.problems().error(node, PATH + ".url", "'url' was " + described + expected);
        return "";
    }

    /** A plain text under {@code key}; reported when it is not one. */
    private Optional<String> text(MapNode storage, String key) {
        Optional<ConfigNode> node = storage.get(key).filter(n -> !(n instanceof ScalarNode s && s.value() == null));
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode s && s.value() instanceof String text && !text.isBlank()
                && !GetEnv.isTemplate(text)) {
            return Optional.of(text.strip());
        }
        section.problems().error(node.get(), PATH + "." + key, "'" + key + "' was " + node.get().describe()
                + "; expected a non-empty text without templates (override it with OTAI__INFRASTRUCTURE__STORAGE__"
                + key.toUpperCase(java.util.Locale.ROOT) + ")");
        return Optional.empty();
    }

    private String password(MapNode storage) {
        String path = PATH + ".password";
        String forms = "; expected the password written out, or {{ get_env('OTAI_DB_PASSWORD') }}";
        Optional<ConfigNode> node = storage.get("password").filter(n -> !(n instanceof ScalarNode s && s.value() == null));
        if (node.isEmpty()) {
            return "";
        }
        if (!(node.get() instanceof ScalarNode scalar) || scalar.value() instanceof Boolean
                || !(scalar.value() instanceof String) && !(scalar.value() instanceof Number)) {
            section.problems().error(node.get(), path, "'password' was " + node.get().describe() + forms);
            return "";
        }
        String text = scalar.value().toString();
        Optional<String> variable = GetEnv.variable(text);
        if (variable.isPresent()) {
            String value = environment.get(variable.get());
            if (value == null || value.isEmpty()) {
                section.problems().error(scalar, path, "'password' reads the environment variable " + variable.get()
                        + ", which is not set" + forms + " with that variable set (or put it in .env)");
                return "";
            }
            return value;
        }
        if (GetEnv.isTemplate(text)) {
            // the value is a secret: say what form it has, never what it is
            section.problems().error(scalar, path, "'password' is a template other than get_env" + forms);
            return "";
        }
        return text;
    }

    private String node(MapNode storage) {
        Optional<ConfigNode> node = storage.get("node").filter(n -> !(n instanceof ScalarNode s && s.value() == null));
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() instanceof String text && text.isBlank()) {
            return Server.defaultNode();
        }
        if (node.get() instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)
                && NODE.matcher(s.value().toString().strip()).matches()) {
            return s.value().toString().strip();
        }
        section.problems().error(node.get(), PATH + ".node", "'node' was " + node.get().describe() + "; expected a name of "
                + "up to 100 letters, digits, '.', '_' or '-' that starts with a letter or digit, unique in the cluster "
                + "(or none: the host name and process id)");
        return "";
    }
}
