package dev.otai.app;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every command that reads a config. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "the config file (default: $OTAI_CONFIG, else ./config.yml)")
    Path config;

    Optional<Path> path() {
        return Optional.ofNullable(config);
    }
}
