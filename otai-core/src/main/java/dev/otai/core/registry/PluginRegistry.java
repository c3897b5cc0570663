package dev.otai.core.registry;

import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.core.config.Similarity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pipe and service type of every plugin found with {@link ServiceLoader}, on the class path and in plugin
 * jars, and where each plugin came from; immutable once built.
 */
public final class PluginRegistry {

    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);

    private final List<Plugin> plugins;
    private final Map<String, PluginSource> sources;
    private final Map<String, PipeType> pipes;
    private final Map<String, ServiceType> services;

    private PluginRegistry(List<PluginSource> sources) {
        this.plugins = sources.stream().map(PluginSource::plugin).toList();
        this.sources = Collections.unmodifiableMap(sources.stream().collect(LinkedHashMap::new,
                (map, source) -> map.put(source.plugin().name(), source), Map::putAll));
        this.pipes = index(plugins, Plugin::pipes, PipeType::name);
        this.services = index(plugins, Plugin::services, ServiceType::name);
    }

    /** Finds every plugin on the class path. */
    public static PluginRegistry discover(ClassLoader loader) {
        return discover(loader, List.of());
    }

    /**
     * Finds every plugin on the class path, then those of every jar directly in these directories, each jar in a
     * class loader of its own whose parent is {@code loader}.
     *
     * @throws PluginJarException naming the jar when one is not a jar, cannot load or create a plugin it declares,
     *     or declares a plugin whose name (the prefix of its types) is taken
     */
    public static PluginRegistry discover(ClassLoader loader, List<Path> pluginDirectories) {
        long start = System.nanoTime();
        var found = new ArrayList<PluginSource>();
        ServiceLoader.load(Plugin.class, loader).forEach(plugin -> found.add(PluginSource.builtIn(plugin)));
        for (Path jar : PluginJars.in(pluginDirectories)) {
            for (PluginSource source : PluginJars.load(jar, loader)) {
                requireFreeName(source, found);
                found.add(source);
            }
        }
        PluginRegistry registry = fromSources(found);
        if (log.isDebugEnabled()) {
            log.debug("Registered {} pipe types and {} service types from {} plugins ({}) in {} ms",
                    registry.pipes.size(), registry.services.size(), found.size(),
                    String.join(", ", found.stream().map(s -> s.plugin().name() + " (" + s.origin() + ")").toList()),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return registry;
    }

    /** A plugin from a jar may not take a name, and with it the types, that another plugin registered. */
    private static void requireFreeName(PluginSource candidate, List<PluginSource> registered) {
        String name = candidate.plugin().name();
        registered.stream().filter(other -> other.plugin().name().equals(name)).findFirst().ifPresent(other -> {
            var types = new ArrayList<String>();
            candidate.plugin().pipes().forEach(type -> types.add(name + ":" + type.name()));
            candidate.plugin().services().forEach(type -> types.add(name + ":" + type.name()));
            throw new PluginJarException(candidate.jar().orElseThrow(), "plugin '" + name + "' ("
                    + candidate.plugin().getClass().getName() + (types.isEmpty() ? "" : ", types " + String.join(", ", types))
                    + ") conflicts with plugin '" + name + "' already registered from " + other.origin()
                    + "; expected a plugin name no other plugin uses");
        });
    }

    /** A registry of exactly these plugins. */
    public static PluginRegistry of(List<Plugin> plugins) {
        return fromSources(plugins.stream().map(PluginSource::builtIn).toList());
    }

    private static PluginRegistry fromSources(List<PluginSource> sources) {
        var byName = new LinkedHashMap<String, Plugin>();
        for (PluginSource source : sources) {
            Plugin other = byName.putIfAbsent(source.plugin().name(), source.plugin());
            if (other != null) {
                throw new IllegalStateException("two plugins are named '" + source.plugin().name() + "': "
                        + other.getClass().getName() + " and " + source.plugin().getClass().getName());
            }
        }
        return new PluginRegistry(sources.stream().sorted(Comparator.comparing(s -> s.plugin().name())).toList());
    }

    private static <T> Map<String, T> index(List<Plugin> plugins, Function<Plugin, List<T>> types,
                                            Function<T, String> name) {
        var out = new LinkedHashMap<String, T>();
        for (Plugin plugin : plugins) {
            for (T type : types.apply(plugin)) {
                String key = plugin.name() + ":" + name.apply(type);
                if (out.putIfAbsent(key, type) != null) {
                    throw new IllegalStateException("plugin '" + plugin.name() + "' registers '" + key + "' twice");
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public List<Plugin> plugins() {
        return plugins;
    }

    /** Where the plugin of this name came from, if one is registered. */
    public Optional<PluginSource> source(String pluginName) {
        return Optional.ofNullable(sources.get(pluginName));
    }

    public Map<String, PipeType> pipeTypes() {
        return pipes;
    }

    public Map<String, ServiceType> serviceTypes() {
        return services;
    }

    /** Every plugin's webhook readers, in plugin order. */
    public List<WebhookReader> webhookReaders() {
        return plugins.stream().flatMap(plugin -> plugin.webhookReaders().stream()).toList();
    }

    public Optional<Plugin> plugin(String name) {
        String normal = TypeName.normalisePlugin(name);
        return plugins.stream().filter(p -> p.name().equals(normal)).findFirst();
    }

    public Lookup<PipeType> pipe(String use) {
        return lookup(use, pipes, "pipe");
    }

    public Lookup<ServiceType> service(String use) {
        return lookup(use, services, "service");
    }

    private <T> Lookup<T> lookup(String use, Map<String, T> types, String kind) {
        TypeName name = TypeName.parse(use);
        List<Map.Entry<String, T>> candidates = types.entrySet().stream()
                .filter(e -> name.plugin().map(p -> e.getKey().startsWith(p + ":")).orElse(true))
                .toList();
        for (boolean ignoreCase : new boolean[] {false, true}) {
            List<Map.Entry<String, T>> hits = candidates.stream()
                    .filter(e -> matches(e.getKey().substring(e.getKey().indexOf(':') + 1), name.name(), ignoreCase))
                    .toList();
            if (hits.size() == 1) {
                return new Lookup<>(Optional.of(hits.getFirst().getValue()), hits.getFirst().getKey(), "");
            }
            if (hits.size() > 1) {
                return new Lookup<>(Optional.empty(), use, "\"" + use + "\" is ambiguous; write one of: "
                        + String.join(", ", hits.stream().map(Map.Entry::getKey).toList()));
            }
        }
        return new Lookup<>(Optional.empty(), use, "unknown " + kind + " type \"" + use + "\"" + suggestion(use, types));
    }

    private static boolean matches(String registered, String wanted, boolean ignoreCase) {
        return ignoreCase ? registered.equalsIgnoreCase(wanted) : registered.equals(wanted);
    }

    private static <T> String suggestion(String use, Map<String, T> types) {
        TypeName name = TypeName.parse(use);
        String wanted = name.name().toLowerCase(Locale.ROOT);
        List<String> similar = types.keySet().stream()
                .sorted(Comparator.comparingInt(key -> Similarity.distance(
                        key.substring(key.indexOf(':') + 1).toLowerCase(Locale.ROOT), wanted)))
                .filter(key -> Similarity.distance(key.substring(key.indexOf(':') + 1).toLowerCase(Locale.ROOT), wanted)
                        <= Math.max(3, wanted.length() / 3))
                .limit(5)
                .toList();
        if (!similar.isEmpty()) {
            return "; did you mean " + String.join(", ", similar) + "?";
        }
        return "; registered types: " + String.join(", ", types.keySet());
    }

    /**
     * The result of resolving a {@code use}: the type and its canonical {@code plugin:Name}, or a message that
     * says why not and lists similar names.
     */
    public record Lookup<T>(Optional<T> type, String canonical, String problem) {
    }
}
