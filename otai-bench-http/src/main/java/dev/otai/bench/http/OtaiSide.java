package dev.otai.bench.http;

import dev.otai.api.PipeResult;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.testkit.otobo.FakeOtobo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;

/** otai: the bench config through the real OTOBO/Znuny adapter; each round is one run of the runner. */
final class OtaiSide implements Side {

    private final String baseUrl;
    private final int parallelism;
    private final int limit;
    private Engine engine;

    OtaiSide(String baseUrl, int parallelism, int limit) {
        this.baseUrl = baseUrl;
        this.parallelism = parallelism;
        this.limit = limit;
    }

    @Override
    public void start() throws Exception {
        String yaml = config(limit, parallelism, "");
        var templates = new TemplateEngine();
        ConfigCheck.Result check = ConfigCheck.text(yaml, "otai-http-bench.yml",
                Map.of("OTOBO_URL", baseUrl, "OTOBO_PASSWORD", FakeOtobo.PASSWORD),
                PluginRegistry.discover(OtaiSide.class.getClassLoader()), templates);
        if (!check.valid()) {
            throw new IllegalStateException("otai-http-bench.yml has problems: " + check.problems());
        }
        engine = Engine.start(check.blueprint().orElseThrow(), templates, InstantSource.system(), new Lifecycle(), EngineListener.NONE);
        round();
    }

    @Override
    public void round() {
        PipeResult result = engine.runOnce().getFirst().result();
        if (!result.succeeded()) {
            throw new IllegalStateException("otai run failed: " + result.message());
        }
    }

    /** The bench config: fetch {@code limit}, for-each {@code parallelism}, {@code on} the runner's trigger (a YAML line, or empty). */
    static String config(int limit, int parallelism, String on) throws IOException {
        try (InputStream in = OtaiSide.class.getResourceAsStream("/otai-http-bench.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${LIMIT}", Integer.toString(limit))
                    .replace("${PARALLELISM}", Integer.toString(parallelism)).replace("${ON}", on);
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
