package dev.otai.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.orchestration.EventTrigger;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.core.orchestration.TriggerGateway;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP server: {@code POST /hooks/{id}} hands requests to the trigger with that id and answers
 * 202 at once; {@code GET /health} reports liveness and each runner's state; {@code GET /metrics} is the
 * Prometheus scrape. Payloads are never interpreted here, only size-checked.
 */
public final class EngineHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final TriggerGateway gateway;
    private final EngineMetrics metrics;
    private final int maxBodyBytes;

    private EngineHttpServer(HttpSettings settings, TriggerGateway gateway, EngineMetrics metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
        this.maxBodyBytes = settings.maxBodyBytes();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes() + 1L;
            config.routes.post("/hooks/{id}", this::hook);
            config.routes.get("/health", this::health);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.registry().scrape()));
        });
    }

    /** Starts on {@code settings.host}, on {@code port} (0 picks a free one). */
    public static EngineHttpServer start(HttpSettings settings, int port, TriggerGateway gateway, EngineMetrics metrics) {
        var server = new EngineHttpServer(settings, gateway, metrics);
        server.app.start(settings.host(), port);
        log.info("HTTP server listening on {}:{} (webhooks at /hooks/<trigger id>, /health, /metrics)", settings.host(), server.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    private void hook(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            answer(ctx, id, 413, "body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBodyBytes) {
            answer(ctx, id, 413, "body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        var headers = new LinkedHashMap<String, List<String>>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        EventTrigger.Verdict verdict = gateway.receive(id, new EventTrigger.Request(body, headers));
        switch (verdict) {
            case EventTrigger.Accepted accepted -> answer(ctx, id, accepted.duplicate() ? 200 : 202,
                    accepted.duplicate() ? "duplicate delivery, already accepted" : "accepted");
            case EventTrigger.Rejected rejected -> answer(ctx, id, rejected.status(), rejected.reason());
        }
    }

    private void answer(Context ctx, String triggerId, int status, String message) throws Exception {
        metrics.webhook(triggerId, status);
        String key = status < 300 ? "status" : "error";
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(Map.of(key, message)));
    }

    private void health(Context ctx) throws Exception {
        var body = new LinkedHashMap<String, Object>();
        var runners = new ArrayList<Map<String, Object>>();
        boolean running = gateway.orchestrator().isPresent();
        for (Orchestrator.RunnerStatus status : gateway.orchestrator().map(Orchestrator::status).orElse(List.of())) {
            var runner = new LinkedHashMap<String, Object>();
            runner.put("id", status.id());
            runner.put("state", status.running() > 0 ? "running" : "idle");
            runner.put("running", status.running());
            runner.put("queued", status.queued());
            runner.put("skipped_fires", status.skippedFires());
            EngineMetrics.LastRun last = metrics.lastRuns().get(status.id());
            if (last != null) {
                runner.put("last_outcome", last.outcome());
                runner.put("last_finished_at", last.finishedAt().toString());
                runner.put("last_duration_ms", last.duration().toMillis());
            }
            runners.add(runner);
        }
        body.put("status", running ? "up" : "starting_or_stopping");
        body.put("live", true);
        body.put("ready", running);
        body.put("runners", runners);
        ctx.status(running ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    @Override
    public void close() {
        app.stop();
    }
}
