package dev.otai.app;

import dev.otai.core.config.Problem;
import dev.otai.core.config.YamlReader;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.http.ConfigControl;
import dev.otai.http.EngineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the config file of a running engine, whoever asks (SIGHUP, {@code otai trigger --reload}, the file
 * watch): reads and checks it exactly as {@code otai run} does at start; a config with errors is rejected, each
 * error logged at ERROR with its file, line and column, and the running config stays; a valid one is handed to
 * {@link Engine#reload}. Every reload is counted in {@code otai_config_reloads_total{outcome}}. One at a time.
 */
final class ConfigReloader implements ConfigControl {

    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);
    /** How long a valid config may take to be put in place (creating its new services included). */
    private static final Duration APPLY_WITHIN = Duration.ofMinutes(2);

    private final Composition composition;
    private final Path file;
    private final Engine engine;
    private final EngineMetrics metrics;
    private final InstantSource clock;
    private final boolean httpServer;
    private volatile Loaded loaded;

    /** {@code httpServer}: whether the engine runs its HTTP server, without which event triggers receive nothing. */
    ConfigReloader(Composition composition, Path file, Loaded loaded, Engine engine, EngineMetrics metrics,
                   InstantSource clock, boolean httpServer) {
        this.httpServer = httpServer;
        this.composition = composition;
        this.file = file;
        this.loaded = loaded;
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The SHA-256 of the file's bytes, in hex; of its first bytes only when it is larger than a config may be (such
     * a file is rejected by the check anyway, and a device such as {@code /dev/zero} is never read whole).
     */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readNBytes(YamlReader.maxBytes() + 1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Loaded> loaded() {
        return Optional.of(loaded);
    }

    /** Whether the file now holds other bytes than the loaded config; false when it cannot be read. */
    boolean changedOnDisk() {
        try {
            return !sha256(file).equals(loaded.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized Reload reload(String cause) {
        log.info("Reloading the config from {} ({})", file, cause);
        String sha256 = null;
        IOException unreadable = null;
        try {
            sha256 = sha256(file); // before the check: an edit in between makes the watch reload once more
        } catch (IOException e) {
            unreadable = e;
        }
        ConfigCheck.Result result = composition.check(file); // says why a file cannot be read, as at start
        if (!result.valid()) {
            return rejected(result.errors().stream().map(Problem::toString).toList());
        }
        if (sha256 == null) {
            return rejected(List.of(file + ": cannot read config file: " + unreadable));
        }
        result.problems().stream().filter(Problem::warning).forEach(warning -> log.warn("{}", warning));
        Engine.Reloaded reloaded;
        try {
            reloaded = engine.reload(result.blueprint().orElseThrow()).get(APPLY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return failed(e.getCause() == null ? e.toString() : e.getCause().getMessage());
        } catch (TimeoutException e) {
            return failed("it was not put in place within " + APPLY_WITHIN.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("the reload was interrupted");
        }
        reloaded.needRestart().forEach(section -> log.warn("Config reload: {} changed; it applies only after a restart "
                + "(until then the engine keeps the settings it started with)", section));
        if (!httpServer && !engine.eventTriggerIds().isEmpty()) {
            log.warn("Config reload: the triggers {} take events over HTTP, but the engine started without its HTTP "
                    + "server; they receive events only after a restart", engine.eventTriggerIds());
        }
        loaded = new Loaded(sha256, clock.instant());
        String summary = "config reloaded from " + file + " (sha256 " + sha256.substring(0, 12) + "): runners "
                + reloaded.runners();
        log.info("{}{}", Character.toUpperCase(summary.charAt(0)), summary.substring(1));
        metrics.reloaded("applied");
        return new Reload("applied", summary, List.of(), reloaded.needRestart());
    }

    private Reload rejected(List<String> errors) {
        errors.forEach(error -> log.error("Config reload rejected: {}", error));
        String summary = "config reload rejected: " + errors.size() + " problem" + (errors.size() == 1 ? "" : "s")
                + " in " + file + "; the running config (sha256 " + loaded.sha256().substring(0, 12) + ") stays";
        log.error("{}", summary);
        metrics.reloaded("rejected");
        return new Reload("rejected", summary, errors, List.of());
    }

    private Reload failed(String why) {
        String summary = "config reload failed: " + why + "; the running config (sha256 "
                + loaded.sha256().substring(0, 12) + ") stays";
        log.error("{}", summary);
        metrics.reloaded("failed");
        return new Reload("failed", summary, List.of(), List.of());
    }
}
