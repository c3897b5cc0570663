package dev.otai.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The running config as the HTTP server sees it: which file content is loaded since when (for {@code /health}),
 * and reloading it ({@code POST /reload}).
 */
public interface ConfigControl {

    /** The loaded config: the SHA-256 of the file's bytes, in hex, and when it was loaded. */
    record Loaded(String sha256, Instant loadedAt) {
    }

    /**
     * How a reload ended.
     *
     * @param outcome     {@code applied}, {@code rejected} (the new config has errors; the old one keeps running) or
     *                    {@code failed} (valid, but could not be put in place; the old one keeps running)
     * @param summary     one line for the operator
     * @param errors      the problems of a rejected config, each with its file, line and column
     * @param needRestart the infrastructure sections that changed and apply only after a restart
     */
    record Reload(String outcome, String summary, List<String> errors, List<String> needRestart) {
        public Reload {
            errors = List.copyOf(errors);
            needRestart = List.copyOf(needRestart);
        }

        public boolean applied() {
            return outcome.equals("applied");
        }
    }

    /** The loaded config; empty when unknown (an engine started without a file). */
    Optional<Loaded> loaded();

    /** Reads, checks and applies the config file again; {@code cause} says who asked, for the log. */
    Reload reload(String cause);

    /** No config file: nothing to show, and reloads are refused. */
    ConfigControl NONE = new ConfigControl() {
        @Override
        public Optional<Loaded> loaded() {
            return Optional.empty();
        }

        @Override
        public Reload reload(String cause) {
            return new Reload("failed", "this engine was not started from a config file; nothing to reload", List.of(),
                    List.of());
        }
    };
}
