package dev.otai.core.registry;

import dev.otai.api.Plugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Plugins from jars: every {@code *.jar} directly in a plugin directory gets a class loader of its own (its
 * parent the application's), and its {@code META-INF/services/dev.otai.api.Plugin} is read with
 * {@link ServiceLoader}. Whatever goes wrong with a jar is a {@link PluginJarException} naming it.
 */
final class PluginJars {

    private static final String SERVICE_FILE = "META-INF/services/" + Plugin.class.getName();

    private PluginJars() {
    }

    /** The jars directly in these directories: per directory in name order, the directories in the order given. */
    static List<Path> in(List<Path> directories) {
        var jars = new ArrayList<Path>();
        for (Path directory : directories) {
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(path -> path.getFileName().toString().endsWith(".jar"))
                        .filter(Files::isRegularFile)
                        .map(Path::toAbsolutePath)
                        .sorted()
                        .forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list plugin directory " + directory + ": " + e.getMessage(), e);
            }
        }
        return jars;
    }

    /** The plugins one jar declares, created and asked for their types once so a missing class shows now. */
    static List<PluginSource> load(Path jar, ClassLoader parent) {
        requireJar(jar);
        PluginJarLoader loader;
        try {
            loader = new PluginJarLoader("plugin jar " + jar.getFileName(), jar.toUri().toURL(), parent);
        } catch (MalformedURLException e) {
            throw new PluginJarException(jar, "cannot be turned into a class path entry: " + e.getMessage(), e);
        }
        var found = new ArrayList<PluginSource>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
                touch(plugin);
                found.add(new PluginSource(plugin, Optional.of(jar)));
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            throw new PluginJarException(jar, "a plugin it declares could not be loaded: " + describe(e)
                    + "; expected every class named in " + SERVICE_FILE + " to be in the jar (or in otai) with a public"
                    + " no-argument constructor that returns normally", e);
        }
        if (found.isEmpty()) {
            throw new PluginJarException(jar, "declares no plugin; expected a " + SERVICE_FILE
                    + " entry naming a class that implements " + Plugin.class.getName());
        }
        return found;
    }

    private static void requireJar(Path jar) {
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // opened and read its central directory: it is a jar
        } catch (IOException e) {
            throw new PluginJarException(jar, "is not a readable jar (zip) file (" + e.getMessage()
                    + "); expected a plugin jar built against otai-api", e);
        }
    }

    /** Asks for everything the registry will ask for, so that a class missing from the jar fails at load. */
    private static void touch(Plugin plugin) {
        plugin.name();
        plugin.pipes().forEach(type -> type.name());
        plugin.services().forEach(type -> type.name());
        plugin.webhookReaders();
    }

    /** The error and its causes in one line: {@code ServiceLoader} wraps what the plugin's constructor threw. */
    private static String describe(Throwable error) {
        var text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().replace(Plugin.class.getName() + ": ", "");
            if (!text.isEmpty()) {
                text.append(", caused by ");
            }
            text.append(t instanceof ServiceConfigurationError ? message : t.getClass().getName()
                    + (message.isEmpty() ? "" : " (" + message + ")"));
        }
        return text.toString();
    }
}
