package dev.otai.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where plugin jars are looked for: {@code plugins/} beside the installation (the launcher's {@code -Dotai.home}),
 * when it exists, then every directory of {@code OTAI_PLUGIN_PATH} (separated like {@code PATH}), each of which
 * must exist.
 */
record PluginPath(List<Path> directories) {

    static final String VARIABLE = "OTAI_PLUGIN_PATH";

    PluginPath {
        directories = List.copyOf(directories);
    }

    static PluginPath of(String home, Map<String, String> environment) {
        var directories = new ArrayList<Path>();
        if (home != null && !home.isBlank()) {
            Path beside = Path.of(home, "plugins");
            if (Files.isDirectory(beside)) {
                directories.add(beside);
            }
        }
        String path = environment.getOrDefault(VARIABLE, "");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path directory = Path.of(entry.strip());
            if (!Files.isDirectory(directory)) {
                throw new StartupProblem(VARIABLE + " entry \"" + entry + "\" is not a directory; expected directories of"
                        + " plugin jars separated by '" + File.pathSeparator + "' (" + VARIABLE + "=\"" + path + "\")");
            }
            directories.add(directory);
        }
        return new PluginPath(directories);
    }

    static PluginPath fromSystem(Map<String, String> environment) {
        return of(System.getProperty("otai.home"), environment);
    }
}
