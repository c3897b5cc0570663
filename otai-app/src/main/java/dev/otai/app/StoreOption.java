package dev.otai.app;

import dev.otai.api.ConfigException;
import dev.otai.core.config.ConfigLoader;
import dev.otai.core.config.ConfigReader;
import dev.otai.core.config.Problems;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the store is, for commands that read or change it: {@code --data-dir}, else
 * {@code infrastructure.storage.data_dir} of the config (when a config file exists), else {@code ./otai-data}; a
 * relative folder is resolved against the working directory. A config whose {@code infrastructure.storage} has a
 * {@code url} names clustered mode's PostgreSQL database instead, and the data directory is not used.
 */
final class StoreOption {

    @Mixin
    ConfigOption config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data directory (default: infrastructure.storage.data_dir of the config, else ./otai-data)")
    Path dataDir;

    /**
     * The storage settings of a command that opens the store without running the config: only
     * {@code infrastructure.storage} is read; throws with every problem of that section listed.
     */
    StorageSettings settings(Composition composition) {
        Path file = composition.configFile(config);
        boolean readConfig = config.path().isPresent() || dataDir == null && Files.isRegularFile(file);
        return resolved(readConfig ? read(file, composition) : StorageSettings.defaults());
    }

    /** {@code configured} with {@code --data-dir} applied and the data directory made absolute. */
    StorageSettings resolved(StorageSettings configured) {
        Path directory = dataDir != null ? dataDir : configured.dataDirectory();
        return configured.withDataDirectory(Path.of("").toAbsolutePath().resolve(directory));
    }

    Store open(Composition composition) {
        return composition.openStore(settings(composition));
    }

    private static StorageSettings read(Path file, Composition composition) {
        var problems = new Problems();
        Optional<ConfigLoader.Loaded> loaded = ConfigLoader.load(file, composition.environment, problems);
        StorageSettings settings = loaded.map(l -> ConfigReader.storage(l, problems)).orElse(StorageSettings.defaults());
        if (problems.hasErrors()) {
            throw new ConfigException(String.join("\n", problems.errors().stream().map(Object::toString).toList()));
        }
        return settings;
    }
}
