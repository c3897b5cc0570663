package dev.otai.app;

import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.store.EngineRecording;
import dev.otai.store.Store;
import dev.otai.store.cluster.LeaseKeeper;
import dev.otai.store.cluster.LeaseRoster;
import dev.otai.testkit.PostgresServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node of a cluster in this JVM: its own store connection to the shared database, lease keeper (rounds driven by
 * the test, on a monotonic clock the test moves), recording and engine, wired as {@code otai run} wires them.
 */
final class ClusterNode implements AutoCloseable {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(ClusterNode.class.getClassLoader());
    private static final TemplateEngine TEMPLATES = new TemplateEngine();

    final AtomicLong nanos = new AtomicLong();
    final Store store;
    final LeaseKeeper keeper;
    final EngineRecording recording;
    final Engine engine;
    private boolean closed;

    ClusterNode(PostgresServer.Database database, String name, Duration lease, String yaml, EngineListener listener) {
        this(database, name, lease, StorageSettings.defaults(), yaml, listener);
    }

    ClusterNode(PostgresServer.Database database, String name, Duration lease, StorageSettings settings, String yaml,
                EngineListener listener) {
        store = Store.openServer(new StorageSettings.Server(database.url(), database.user(), database.password(), 4, name,
                lease), InstantSource.system());
        keeper = new LeaseKeeper(store, name, lease, nanos::get);
        recording = EngineRecording.start(store, settings, false, new Redactor(), keeper);
        ConfigCheck.Result check = ConfigCheck.text(yaml, "config.yml", Map.of(), REGISTRY, TEMPLATES);
        if (!check.valid()) {
            throw new AssertionError("config has problems: " + check.problems());
        }
        engine = Engine.start(check.blueprint().orElseThrow(), TEMPLATES, InstantSource.system(), new Lifecycle(),
                recording.listener(listener), recording.facilities(Facilities.builder()));
        keeper.serve(LeaseRoster.of(engine, recording));
    }

    /** Stops the node as {@code otai run} does at SIGTERM: no new runs, then its leases handed back. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        engine.lifecycle().requestStop();
        engine.runners().awaitIdle(Duration.ofSeconds(30));
        keeper.close();
        engine.close();
        recording.close();
        store.close();
    }
}
