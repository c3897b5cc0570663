package dev.otai.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.core.config.HttpSettings;
import dev.otai.api.EventTrigger;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.core.orchestration.RunnerStatus;
import dev.otai.core.orchestration.TriggerGateway;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP server: {@code POST /hooks/{id}} hands requests to the trigger with that id and answers
 * 202 once the event is queued (503 with {@code Retry-After} when it cannot be); {@code POST /reload} reloads the
 * config file ({@link ReloadEndpoint}); {@code GET /health} reports liveness, the loaded config and each runner's
 * state (in a cluster also this node's name and the runners it owns); {@code GET /metrics} is the Prometheus scrape. Payloads are never interpreted
 * here, only size- and type-checked; requests whose {@code Host} is not allowed are refused with 403.
 */
public final class EngineHttpServer implements AutoCloseable {

    /** Connections the OS queues until the server accepts them, so that a burst gets answers instead of resets. */
    static final int ACCEPT_QUEUE_SIZE = 1024;
    /** The metric label for ids that are not event triggers of the running config, so random ids add no series. */
    static final String UNKNOWN_TRIGGER = "unknown";
    private static final Logger log = LoggerFactory.getLogger(EngineHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final TriggerGateway gateway;
    private final EngineMetrics metrics;
    private final int maxBodyBytes;
    private final HostAllowList hosts;
    private final ConfigControl loadedConfig;

    private EngineHttpServer(HttpSettings settings, int port, TriggerGateway gateway, EngineMetrics metrics,
                             ConfigControl loadedConfig, List<HttpFeature> features) {
        this.gateway = gateway;
        this.loadedConfig = loadedConfig;
        var reload = new ReloadEndpoint(settings, loadedConfig);
        this.metrics = metrics;
        this.maxBodyBytes = settings.maxBodyBytes();
        this.hosts = HostAllowList.of(settings);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes() + 1L;
            config.jetty.addConnector((server, http) -> {
                var connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(settings.host());
                connector.setPort(port);
                connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                return connector;
            });
            config.routes.before(this::checkHost);
            config.routes.exception(Exception.class, this::failed);
            config.routes.post("/hooks/{id}", this::hook);
            config.routes.post("/reload", reload::handle);
            config.routes.get("/health", this::health);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            features.forEach(feature -> feature.register(config.routes));
        });
    }

    /** Starts on {@code settings.host}, on {@code port} (0 picks a free one). */
    public static EngineHttpServer start(HttpSettings settings, int port, TriggerGateway gateway, EngineMetrics metrics) {
        return start(settings, port, gateway, metrics, ConfigControl.NONE, List.of());
    }

    /**
     * As {@link #start(HttpSettings, int, TriggerGateway, EngineMetrics)}, with the config to show and reload, and
     * {@code features} served besides (the web console).
     */
    public static EngineHttpServer start(HttpSettings settings, int port, TriggerGateway gateway, EngineMetrics metrics,
                                         ConfigControl config, List<HttpFeature> features) {
        var server = new EngineHttpServer(settings, port, gateway, metrics, config, List.copyOf(features));
        server.app.start();
        log.info("HTTP server listening on {}:{} (webhooks at /hooks/<trigger id>, /reload, /health, /metrics)",
                settings.host(), server.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    private void checkHost(Context ctx) throws Exception {
        if (!hosts.allows(ctx.header("Host"))) {
            if (ctx.path().startsWith("/hooks/")) {
                metrics.webhook(UNKNOWN_TRIGGER, 403);
            }
            json(ctx, 403, "error", "this server does not answer for the Host of the request; see infrastructure.http.allowed_hosts");
            ctx.skipRemainingHandlers();
        }
    }

    private void failed(Exception e, Context ctx) {
        log.error("HTTP {} {} failed", ctx.method(), ctx.path(), e);
        try {
            json(ctx, 500, "error", "internal error; see the engine's log");
        } catch (Exception ignored) {
            ctx.status(500);
        }
    }

    private void hook(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        String label = gateway.takesEvents(id) ? id : UNKNOWN_TRIGGER;
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            answer(ctx, label, 413, "body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        if (!JsonContentType.accepts(ctx.header("Content-Type"))) {
            answer(ctx, label, 415, "Content-Type must be application/json (charset utf-8 if given)");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBodyBytes) {
            answer(ctx, label, 413, "body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        var headers = new LinkedHashMap<String, List<String>>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        switch (gateway.receive(id, new EventTrigger.Request(body, headers))) {
            case EventTrigger.Accepted accepted -> answer(ctx, label, 202, "accepted");
            case EventTrigger.Duplicate duplicate -> answer(ctx, label, 200, "duplicate delivery, already accepted");
            case EventTrigger.Busy busy -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, busy.retryAfter().toSeconds())));
                answer(ctx, label, 503, busy.reason());
            }
            case EventTrigger.Rejected rejected -> answer(ctx, label, rejected.status(), rejected.reason());
        }
    }

    private void answer(Context ctx, String label, int status, String message) throws Exception {
        metrics.webhook(label, status);
        json(ctx, status, status < 300 ? "status" : "error", message);
    }

    private static void json(Context ctx, int status, String key, String message) throws Exception {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(Map.of(key, message)));
    }

    private void health(Context ctx) throws Exception {
        var body = new LinkedHashMap<String, Object>();
        var runners = new ArrayList<Map<String, Object>>();
        boolean running = gateway.orchestrator().isPresent();
        Optional<ClusterView> cluster = metrics.cluster();
        List<String> owned = cluster.map(view -> view.owned().get()).orElse(List.of());
        for (RunnerStatus status : gateway.orchestrator().map(Orchestrator::status).orElse(List.of())) {
            var runner = new LinkedHashMap<String, Object>();
            runner.put("id", status.id());
            if (cluster.isPresent()) {
                runner.put("owned", owned.contains(status.id()));
            }
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
        loadedConfig.loaded().ifPresent(loaded -> body.put("config", Map.of("sha256", loaded.sha256(),
                "loaded_at", loaded.loadedAt().toString())));
        cluster.ifPresent(view -> {
            body.put("node", view.node());
            body.put("owned_runners", owned);
        });
        body.put("runners", runners);
        ctx.status(running ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    @Override
    public void close() {
        app.stop();
    }
}
