package dev.otai.core.config;

import dev.otai.core.config.ConfigNode.ListNode;
import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.config.ConfigNode.ScalarNode;
import dev.otai.core.config.PipeConfig.ConfigParam;
import dev.otai.core.config.PipeConfig.Inject;
import dev.otai.core.template.TemplateLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the config tree below the root key into {@link EngineConfig} records, collecting every problem. */
public final class ConfigReader {

    static final String ORCHESTRATOR_TYPE = "base:SimpleSequentialOrchestrator";
    static final String RUNNER_TYPE = "base:SimpleSequentialRunner";
    private static final Set<String> ROOT_KEYS = Set.of("api_version", "plugins", "infrastructure", "services", "orchestrator");
    private static final Set<String> PIPE_KEYS = Set.of("id", "use", "params", "injects");

    private final Problems problems;

    private ConfigReader(Problems problems) {
        this.problems = problems;
    }

    public static EngineConfig read(ConfigLoader.Loaded loaded, Problems problems) {
        return new ConfigReader(problems).engine(loaded);
    }

    private EngineConfig engine(ConfigLoader.Loaded loaded) {
        MapNode root = loaded.root();
        for (var entry : root.entries().values()) {
            if (!ROOT_KEYS.contains(entry.key())) {
                problems.warning(entry.keyLocation(), entry.key(), "unknown key '" + entry.key()
                        + "' is ignored; known keys: api_version, plugins, infrastructure, services, orchestrator");
            }
        }
        String apiVersion = apiVersion(root);
        List<EngineConfig.PluginRequirement> plugins = plugins(root);
        MapNode infrastructure = mapAt(root, "infrastructure", "infrastructure");
        InfrastructureReader.sections(infrastructure, problems);
        LoggingSettings logging = InfrastructureReader.logging(infrastructure, problems);
        HttpSettings http = InfrastructureReader.http(infrastructure, problems);
        TemplateLimits templates = InfrastructureReader.templates(infrastructure, problems);
        StorageSettings storage = InfrastructureReader.storage(infrastructure, loaded.environment(), problems);
        ConsoleSettings console = InfrastructureReader.console(infrastructure, loaded.environment(), problems);
        Map<String, ServiceConfig> services = services(root);
        PipeConfig orchestrator = orchestrator(root);
        return new EngineConfig(loaded.source(), apiVersion, plugins, logging, http, services, orchestrator,
                loaded.environment(), templates, storage, console);
    }

    /**
     * Only {@code infrastructure.storage}, for commands that open the store without running the config; its problems
     * are the same ones {@link #read} reports for that section.
     */
    public static StorageSettings storage(ConfigLoader.Loaded loaded, Problems problems) {
        ConfigReader reader = new ConfigReader(problems);
        return InfrastructureReader.storage(reader.mapAt(loaded.root(), "infrastructure", "infrastructure"), loaded.environment(),
                problems);
    }

    private String apiVersion(MapNode root) {
        Optional<ConfigNode> node = root.get("api_version");
        if (node.isEmpty()) {
            return ">=1.0.0";
        }
        String text = node.get() instanceof ScalarNode s && s.value() != null ? s.value().toString() : null;
        if (text == null || VersionSpec.parse(text).isEmpty()) {
            problems.error(node.get(), "api_version", "api_version was " + node.get().describe()
                    + "; expected a version specifier such as \">=1.0.0\"");
            return ">=1.0.0";
        }
        if (!VersionSpec.parse(text).orElseThrow().matches(VersionSpec.CONFIG_API_VERSION)) {
            problems.error(node.get(), "api_version", "api_version \"" + text + "\" does not match this engine's config API "
                    + VersionSpec.CONFIG_API_VERSION + "; expected a specifier it satisfies, such as \">=1.0.0\"");
        }
        return text;
    }

    private List<EngineConfig.PluginRequirement> plugins(MapNode root) {
        Optional<ConfigNode> node = root.get("plugins");
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return List.of();
        }
        if (!(node.get() instanceof ListNode list)) {
            problems.error(node.get(), "plugins", "plugins was " + node.get().describe()
                    + "; expected a list of plugin names or {name, version} mappings");
            return List.of();
        }
        var out = new ArrayList<EngineConfig.PluginRequirement>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String path = Paths.index("plugins", i);
            if (item instanceof ScalarNode s && s.value() instanceof String name) {
                out.add(new EngineConfig.PluginRequirement(name, ">=0.0.0", item.location(), path));
            } else if (item instanceof MapNode m && m.get("name").orElse(null) instanceof ScalarNode n
                    && n.value() instanceof String name) {
                String version = m.get("version").map(ConfigNode::toPlain).map(Object::toString).orElse(">=0.0.0");
                if (VersionSpec.parse(version).isEmpty()) {
                    problems.error(m.get("version").orElseThrow(), path + ".version", "plugin version was \"" + version
                            + "\"; expected a version specifier such as \">=1.0\"");
                }
                out.add(new EngineConfig.PluginRequirement(name, version, n.location(), path + ".name"));
            } else {
                problems.error(item, path, "plugin entry was " + item.describe()
                        + "; expected a plugin name or a mapping with 'name' and optional 'version'");
            }
        }
        return out;
    }

    private Map<String, ServiceConfig> services(MapNode root) {
        MapNode services = mapAt(root, "services", "services");
        var out = new LinkedHashMap<String, ServiceConfig>();
        for (var entry : services.entries().values()) {
            String path = Paths.child("services", entry.key());
            if (!(entry.value() instanceof MapNode body)) {
                problems.error(entry.value(), path, "service '" + entry.key() + "' was " + entry.value().describe()
                        + "; expected a mapping with 'use' and optional 'params' and 'injects'");
                continue;
            }
            for (var key : body.entries().values()) {
                if (!Set.of("use", "params", "injects", "id").contains(key.key())) {
                    problems.error(key.keyLocation(), Paths.child(path, key.key()), "unknown key '" + key.key()
                            + "' in service '" + entry.key() + "'; expected use, params, injects");
                }
            }
            Optional<String> use = string(body, "use", path);
            if (use.isEmpty()) {
                problems.error(body, path, "service '" + entry.key() + "' has no 'use'; expected a service type such as \"otobo-znuny:OTOBOZnunyTicketSystemService\"");
                continue;
            }
            var params = new LinkedHashMap<String, ConfigParam>();
            paramsBlock(body, path, params);
            out.put(entry.key(), new ServiceConfig(entry.key(), use.get(), body.location(),
                    body.get("use").orElseThrow().location(), path, params, injects(body, path)));
        }
        return out;
    }

    private PipeConfig orchestrator(MapNode root) {
        Optional<ConfigNode> node = root.get("orchestrator");
        if (node.isEmpty()) {
            problems.error(root, "", "no 'orchestrator'; expected an orchestrator with runners (see docs/configuration.md)");
            return emptyOrchestrator(root.location());
        }
        if (node.get() instanceof MapNode map && !map.has("use") && map.has("runners")) {
            return seedOrchestrator(map);
        }
        return pipe(node.get(), "orchestrator").orElseGet(() -> emptyOrchestrator(node.get().location()));
    }

    private PipeConfig emptyOrchestrator(Location location) {
        return new PipeConfig("orchestrator", false, ORCHESTRATOR_TYPE, location, location, "orchestrator", Map.of(), Map.of(), false);
    }

    /** The seed page's shape: {@code orchestrator: {runners: [{id, on, run}]}}, read as runner pipes. */
    private PipeConfig seedOrchestrator(MapNode map) {
        var params = new LinkedHashMap<String, ConfigParam>();
        for (var entry : map.entries().values()) {
            String path = Paths.child("orchestrator", entry.key());
            if (entry.key().equals("runners")) {
                params.put("steps", new ConfigParam("steps", runnersAsPipes(entry.value(), path), entry.keyLocation(), path));
            } else if (!entry.key().equals("id")) {
                params.put(entry.key(), new ConfigParam(entry.key(), entry.value(), entry.keyLocation(), path));
            }
        }
        String id = map.get("id").map(ConfigNode::toPlain).map(Object::toString).orElse("orchestrator");
        return new PipeConfig(id, map.has("id"), ORCHESTRATOR_TYPE, map.location(), map.location(), "orchestrator",
                params, Map.of(), false, map.get("id").map(ConfigNode::location).orElse(map.location()));
    }

    /** Gives each seed runner ({@code {id, on, run}}) the runner type, so it reads as any other pipe. */
    private ConfigNode runnersAsPipes(ConfigNode runners, String path) {
        if (!(runners instanceof ListNode list)) {
            return runners;
        }
        var items = new ArrayList<ConfigNode>();
        for (ConfigNode runner : list.items()) {
            if (runner instanceof MapNode m && !m.has("use")) {
                var entries = new LinkedHashMap<>(m.entries());
                entries.put("use", new ConfigNode.Entry("use", m.location(), new ScalarNode(RUNNER_TYPE, m.location())));
                items.add(new MapNode(entries, m.location()));
            } else {
                items.add(runner);
            }
        }
        return new ListNode(items, list.location());
    }

    /**
     * Reads a pipe node. Keys other than id/use/params/injects written on the pipe itself are params too, as
     * the seed page writes them; a bare {@code on} key that YAML 1.1 read as {@code true} means {@code on}.
     */
    public static Optional<PipeConfig> pipe(ConfigNode node, String path, Problems problems) {
        return new ConfigReader(problems).pipe(node, path);
    }

    private Optional<PipeConfig> pipe(ConfigNode node, String path) {
        if (!(node instanceof MapNode map)) {
            problems.error(node, path, "pipe was " + node.describe() + "; expected a pipe config (a mapping with 'id' and 'use')");
            return Optional.empty();
        }
        Optional<String> id = string(map, "id", path);
        Optional<String> use = string(map, "use", path);
        var params = new LinkedHashMap<String, ConfigParam>();
        paramsBlock(map, path, params);
        for (var entry : map.entries().values()) {
            if (PIPE_KEYS.contains(entry.key())) {
                continue;
            }
            String name = entry.key().equals("true") ? "on" : entry.key();
            String paramPath = Paths.child(path, name);
            if (params.containsKey(name)) {
                problems.error(entry.keyLocation(), paramPath, "param '" + name
                        + "' is given both on the pipe and under its 'params'; expected it once");
                continue;
            }
            params.put(name, new ConfigParam(name, entry.value(), entry.keyLocation(), paramPath));
        }
        boolean reference = use.isEmpty() && id.isPresent() && params.isEmpty() && !map.has("injects");
        if (use.isEmpty() && !reference) {
            problems.error(map, path, "pipe " + id.map(i -> "'" + i + "' ").orElse("")
                    + "has no 'use'; expected a pipe type such as \"base:CompositePipe\"");
            return Optional.empty();
        }
        Location useLocation = map.get("use").map(ConfigNode::location).orElse(map.location());
        String typeName = use.orElse("");
        String effectiveId = id.orElseGet(() -> typeName.substring(typeName.lastIndexOf(':') + 1));
        Location idLocation = map.get("id").map(ConfigNode::location).orElse(map.location());
        return Optional.of(new PipeConfig(effectiveId, id.isPresent(), typeName, map.location(), useLocation, path,
                params, injects(map, path), reference, idLocation));
    }

    private void paramsBlock(MapNode map, String path, Map<String, ConfigParam> into) {
        Optional<ConfigNode> node = map.get("params");
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return;
        }
        String paramsPath = Paths.child(path, "params");
        if (!(node.get() instanceof MapNode params)) {
            problems.error(node.get(), paramsPath, "params was " + node.get().describe() + "; expected a mapping");
            return;
        }
        for (var entry : params.entries().values()) {
            String name = entry.key().equals("true") ? "on" : entry.key();
            into.put(name, new ConfigParam(name, entry.value(), entry.keyLocation(), Paths.child(paramsPath, name)));
        }
    }

    private Map<String, Inject> injects(MapNode map, String path) {
        Optional<ConfigNode> node = map.get("injects");
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return Map.of();
        }
        String injectsPath = Paths.child(path, "injects");
        if (!(node.get() instanceof MapNode injects)) {
            problems.error(node.get(), injectsPath, "injects was " + node.get().describe()
                    + "; expected a mapping of param name to service id, such as {ticket_system: otobo_znuny}");
            return Map.of();
        }
        var out = new LinkedHashMap<String, Inject>();
        for (var entry : injects.entries().values()) {
            String injectPath = Paths.child(injectsPath, entry.key());
            if (entry.value() instanceof ScalarNode s && s.value() instanceof String serviceId) {
                out.put(entry.key(), new Inject(entry.key(), serviceId, entry.value().location(), injectPath));
            } else {
                problems.error(entry.value(), injectPath, "inject '" + entry.key() + "' was " + entry.value().describe()
                        + "; expected a service id from 'services'");
            }
        }
        return out;
    }

    private Optional<String> string(MapNode map, String key, String path) {
        Optional<ConfigNode> node = map.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode s && (s.value() instanceof String || s.value() instanceof Number)) {
            return Optional.of(s.value().toString());
        }
        problems.error(node.get(), Paths.child(path, key), "'" + key + "' was " + node.get().describe() + "; expected a string");
        return Optional.empty();
    }

    private MapNode mapAt(MapNode parent, String key, String path) {
        Optional<ConfigNode> node = parent.get(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode s && s.value() == null) {
            return new MapNode(Map.of(), parent.location());
        }
        if (node.get() instanceof MapNode map) {
            return map;
        }
        problems.error(node.get(), path, "'" + key + "' was " + node.get().describe() + "; expected a mapping");
        return new MapNode(Map.of(), node.get().location());
    }
}
