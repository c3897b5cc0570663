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
import java.nio.file.Path;
import java.util.Map;

/** A real store in a temp folder and engines that record into it, on a fake clock. */
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
        this.store = Store.openEmbedded(settings.dataDirectory(), clock);
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
