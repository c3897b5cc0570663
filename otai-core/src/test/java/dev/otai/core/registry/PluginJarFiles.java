package dev.otai.core.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes plugin jars for tests: a service file naming provider classes, and nothing else. */
final class PluginJarFiles {

    private PluginJarFiles() {
    }

    /** A jar whose {@code META-INF/services/dev.otai.api.Plugin} names these classes, one a line. */
    static Path declaring(Path directory, String fileName, String... providers) throws IOException {
        Path jar = directory.resolve(fileName);
        try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.otai.api.Plugin"));
            out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
