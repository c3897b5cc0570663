package dev.otai.store;

import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real store, embedded in a temp folder or (settings with a server) in a PostgreSQL database, and engines that
 * record into it, on a fake clock.
 */
public final class StoreFixture implements AutoCloseable {

    static final PluginRegistry REGISTRY = PluginRegistry.discover(StoreFixture.class.getClassLoader());
    static final TemplateEngine TEMPLATES = new TemplateEngine();

    public final FakeClock clock = new FakeClock();
    public final StorageSettings settings;
    public final Store store;

    public StoreFixture(Path dir) {
        this(StorageSettings.defaults().withDataDirectory(dir.resolve("otai-data")));
    }

    public StoreFixture(StorageSettings settings) {
        this.settings = settings;
        this.store = settings.server().map(server -> Store.openServer(server, clock))
                .orElseGet(() -> Store.openEmbedded(settings.dataDirectory(), clock));
    }

    /** Where the tests of a class keep their stores: they run once with each. */
    public enum Kind {
        EMBEDDED, POSTGRES;

        /** {@code settings} for a new store of this kind: as they are, or with a fresh PostgreSQL database. */
        public StorageSettings place(StorageSettings settings) {
            return this == EMBEDDED ? settings : settings.withServer(onFreshDatabase("test-node"));
        }

        public StorageSettings place(Path dir) {
            return place(StorageSettings.defaults().withDataDirectory(dir.resolve("otai-data")));
        }
    }

    /** Clustered mode's settings for a fresh database of the test PostgreSQL, as node {@code node}. */
    public static StorageSettings.Server onFreshDatabase(String node) {
        return onDatabase(PostgresServer.shared().freshDatabase(), node);
    }

    public static StorageSettings.Server onDatabase(PostgresServer.Database database, String node) {
        return new StorageSettings.Server(database.url(), database.user(), database.password(), 4, node, Duration.ofSeconds(10));
    }

    public static Blueprint valid(String yaml, Map<String, String> env) {
        ConfigCheck.Result result = ConfigCheck.text(yaml, "config.yml", env, REGISTRY, TEMPLATES);
        if (!result.valid()) {
            throw new AssertionError("config has problems:\n" + String.join("\n",
                    result.problems().stream().map(Object::toString).toList()));
        }
        return result.blueprint().orElseThrow();
    }

    /** An engine recording into the store; close the returned pair's recording after the engine. */
    public Running start(String yaml, Map<String, String> env, boolean dryRun) {
        return start(yaml, env, dryRun, EngineListener.NONE);
    }

    /** As {@link #start(String, Map, boolean)}, with a listener that hears the engine's events after the store. */
    public Running start(String yaml, Map<String, String> env, boolean dryRun, EngineListener listener) {
        EngineRecording recording = EngineRecording.start(store, settings, dryRun, new Redactor());
        Engine engine = Engine.start(valid(yaml, env), TEMPLATES, clock, new Lifecycle(),
                recording.listener(listener), recording.facilities(Facilities.builder()));
        return new Running(engine, recording);
    }

    public record Running(Engine engine, EngineRecording recording) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            engine.close();
            recording.close();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
