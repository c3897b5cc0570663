package dev.otai.app;

import dev.otai.core.config.ConfigLoader;
import dev.otai.core.config.Problems;
import dev.otai.store.StorageSettings;
import dev.otai.store.StorageSettingsReader;
import dev.otai.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the store is, for commands that read or change it: {@code --data-dir}, else
 * {@code infrastructure.storage.data_dir} of the config (when a config file exists), else {@code ./otai-data}.
 */
final class StoreOption {

    @Mixin
    ConfigOption config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data directory (default: infrastructure.storage.data_dir of the config, else ./otai-data)")
    Path dataDir;

    /** The storage settings; throws with every problem of {@code infrastructure.storage} listed. */
    StorageSettings settings(Composition composition) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path file = composition.configFile(config);
        StorageSettings settings = StorageSettings.defaults().withDataDirectory(workingDirectory.resolve(StorageSettings.DEFAULT_DATA_DIRECTORY));
        if (dataDir != null && config.path().isEmpty()) {
            return settings.withDataDirectory(workingDirectory.resolve(dataDir));
        }
        if (config.path().isPresent() || Files.isRegularFile(file)) {
            settings = Composition.storageSettings(file, composition.environment);
        }
        return dataDir == null ? settings : settings.withDataDirectory(workingDirectory.resolve(dataDir));
    }

    Store open(Composition composition) {
        return Store.openEmbedded(settings(composition).dataDirectory(), InstantSource.system());
    }

    static Optional<String> problems(Problems problems) {
        return problems.hasErrors()
                ? Optional.of(String.join("\n", problems.errors().stream().map(Object::toString).toList()))
                : Optional.empty();
    }

    static StorageSettings read(Path file, java.util.Map<String, String> env) {
        var problems = new Problems();
        Optional<ConfigLoader.Loaded> loaded = ConfigLoader.load(file, env, problems);
        StorageSettings settings = loaded.map(l -> StorageSettingsReader.read(l.root(), Path.of("").toAbsolutePath(), problems))
                .orElse(StorageSettings.defaults());
        problems(problems).ifPresent(text -> {
            throw new dev.otai.api.ConfigException(text);
        });
        return settings;
    }
}
