package dev.otai.store.ledger;

import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.template.TemplateEngine;
import dev.otai.store.EngineRecording;
import dev.otai.store.Store;
import dev.otai.store.StoreFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/** The engine process the crash test kills: runs the given config on the real clock until it is killed. */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String config = Files.readString(Path.of(args[1]));
        StorageSettings settings = StorageSettings.defaults().withDataDirectory(dataDir);
        Store store = Store.openEmbedded(dataDir, InstantSource.system());
        EngineRecording recording = EngineRecording.start(store, settings, false, new Redactor());
        Engine engine = Engine.start(StoreFixture.valid(config, Map.of()), new TemplateEngine(),
                InstantSource.system(), new Lifecycle(), recording.listener(EngineListener.NONE),
                recording.facilities(Facilities.builder()));
        engine.run();
    }
}
