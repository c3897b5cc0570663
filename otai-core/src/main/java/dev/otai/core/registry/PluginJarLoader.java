package dev.otai.core.registry;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;

/**
 * The class loader of one plugin jar. Classes are looked up in the application first (so the jar shares the
 * application's {@code otai-api} and libraries), but service declarations only in the jar itself: a
 * {@link java.util.ServiceLoader} over this loader finds the jar's plugins and not the built-in ones again.
 */
final class PluginJarLoader extends URLClassLoader {

    private static final String SERVICES = "META-INF/services/";

    static {
        registerAsParallelCapable();
    }

    PluginJarLoader(String name, URL jar, ClassLoader parent) {
        super(name, new URL[] {jar}, parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(SERVICES) ? findResource(name) : super.getResource(name);
    }
}
