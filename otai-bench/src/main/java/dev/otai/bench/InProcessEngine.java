package dev.otai.bench;

import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.EngineMetrics;
import java.time.InstantSource;

/**
 * An engine running its orchestrator on the real clock, with the HTTP server as {@code otai run} starts it
 * (metrics included); the harness's listener sees every engine event too.
 */
final class InProcessEngine implements AutoCloseable {

    private final Engine engine;
    private final Lifecycle lifecycle = new Lifecycle();
    private final EngineHttpServer server;
    private final Thread orchestrator;

    InProcessEngine(String yaml, EngineListener listener, boolean http) throws InterruptedException {
        var metrics = new EngineMetrics();
        EngineListener both = event -> {
            metrics.on(event);
            listener.on(event);
        };
        engine = Engine.start(DemoConfig.blueprint(yaml), DemoConfig.TEMPLATES, InstantSource.system(), lifecycle, both);
        server = http ? EngineHttpServer.start(HttpSettings.defaults(), 0, engine.gateway(), metrics) : null;
        orchestrator = Thread.ofPlatform().name("orchestrator").start(engine::run);
        while (engine.gateway().orchestrator().isEmpty()) {
            Thread.sleep(1);
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() throws InterruptedException {
        lifecycle.requestStop();
        orchestrator.join();
        if (server != null) {
            server.close();
        }
        engine.close();
    }
}
