package dev.otai.bench;

import dev.otai.console.Console;
import dev.otai.console.ConsoleSources;
import dev.otai.console.DryRunner;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.redaction.Redactor;
import dev.otai.http.ConfigControl;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.EngineMetrics;
import dev.otai.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run.sh console}: how long each console page takes to render with {@code --runs} runs (default
 * 100,000) in the store, server side, over loopback HTTP as a browser asks. Seeds the history, signs in, checks
 * that every page shows what it should (no number otherwise), then times {@code --requests} requests per page
 * per round after warm-up; prints the median and range over the rounds of each round's median.
 */
public final class ConsolePages {

    private static final String TOKEN = "console-bench-token-0123456789";

    private ConsolePages() {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, Map.of("runs", "100000", "tickets", "20000", "requests", "20", "warmup", "3", "rounds", "5",
                "level", "WARN", "log", "/dev/null"));
        BenchLogging.apply(args.text("level"), args.text("log"));
        Path data = Files.createTempDirectory("otai-console-bench");
        int runs = args.integer("runs");
        int tickets = args.integer("tickets");
        try (Store store = Store.openEmbedded(data, InstantSource.system())) {
            long seedStart = System.nanoTime();
            ConsoleHistory.seed(store, runs, tickets, Instant.now());
            System.out.printf(Locale.ROOT, "seeded %d runs (%d steps, %d writes) in %.1f s%n", runs, runs * 5, runs * 2,
                    (System.nanoTime() - seedStart) / 1e9);
            Blueprint blueprint = DemoConfig.blueprint(config());
            var lifecycle = new Lifecycle();
            try (Engine engine = Engine.start(blueprint, DemoConfig.TEMPLATES, InstantSource.system(), lifecycle, EngineListener.NONE)) {
                Thread orchestrator = Thread.ofPlatform().name("orchestrator").start(engine::run);
                var console = new Console(blueprint.config().console(),
                        new ConsoleSources(store, engine, DryRunner.UNAVAILABLE, InstantSource.system()), new Redactor());
                try (var server = EngineHttpServer.start(HttpSettings.defaults(), 0, engine.gateway(), new EngineMetrics(), ConfigControl.NONE, List.of(console));
                     var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
                    String base = "http://127.0.0.1:" + server.port();
                    String cookie = signIn(http, base);
                    Map<String, String> pages = pages(http, base, cookie, tickets);
                    measure(http, base, cookie, pages, args);
                } finally {
                    lifecycle.requestStop();
                    orchestrator.join();
                }
            }
        }
    }

    /** Each page and a text it must show. */
    private static Map<String, String> pages(HttpClient http, String base, String cookie, int tickets) throws Exception {
        String someRun = firstRunLink(get(http, base, cookie, "/console/runs").body());
        var pages = new LinkedHashMap<String, String>();
        pages.put("/console", "route_new");
        pages.put("/console/runs", "succeeded");
        pages.put("/console/runs?runner=route_new&outcome=failed", "HTTP 503");
        pages.put("/console/runs?ticket=" + ConsoleHistory.ticketId(4711, tickets), "route_");
        pages.put("/console/runs/" + someRun, "For-each items");
        pages.put("/console/tickets?id=" + ConsoleHistory.ticketId(4711, tickets), "Classified");
        pages.put("/console/classification", "classifications in the last 14 days");
        pages.put("/console/classification/corrections", "were moved after otai routed them");
        pages.put("/console/actions", "Fire route_now");
        for (var page : pages.entrySet()) {
            HttpResponse<String> answer = get(http, base, cookie, page.getKey());
            if (answer.statusCode() != 200 || !answer.body().contains(page.getValue())) {
                throw new IllegalStateException("page " + page.getKey() + " answered " + answer.statusCode() + " without \""
                        + page.getValue() + "\"; no numbers printed");
            }
        }
        return pages;
    }

    private static void measure(HttpClient http, String base, String cookie, Map<String, String> pages, Args args) throws Exception {
        var table = new ResultTable("Page", "ms per request, median of round medians (range)", "Bytes");
        for (String page : pages.keySet()) {
            for (int i = 0; i < args.integer("warmup") * args.integer("requests"); i++) {
                get(http, base, cookie, page);
            }
            var medians = new ArrayList<Double>();
            int bytes = 0;
            for (int round = 0; round < args.integer("rounds"); round++) {
                var times = new ArrayList<Double>();
                for (int i = 0; i < args.integer("requests"); i++) {
                    long start = System.nanoTime();
                    bytes = get(http, base, cookie, page).body().length();
                    times.add((System.nanoTime() - start) / 1e6);
                }
                medians.add(Summary.of(times).median());
            }
            table.row(page, Summary.of(medians).format(1), Integer.toString(bytes));
        }
        table.print(System.out);
    }

    private static String signIn(HttpClient http, String base) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException("sign-in failed: "
                + answer.statusCode())).split(";")[0];
    }

    private static HttpResponse<String> get(HttpClient http, String base, String cookie, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String firstRunLink(String page) {
        int at = page.indexOf("href=\"/console/runs/");
        return page.substring(at + "href=\"/console/runs/".length(), page.indexOf('"', at + 20));
    }

    private static String config() {
        var runners = new StringBuilder();
        for (String runner : ConsoleHistory.RUNNERS) {
            runners.append("      - id: ").append(runner).append("\n        on:\n          - { id: hourly_").append(runner)
                    .append(", use: base:IntervalTrigger, params: { hours: 1 } }\n");
            if (runner.equals("route_new")) {
                runners.append("          - { id: route_now, use: base:ManualTrigger }\n");
            }
            runners.append("        run: { id: noop_").append(runner).append(", use: base:CompositePipe, params: { steps: [] } }\n");
        }
        return """
                otai:
                  infrastructure:
                    console: { token: %s }
                  services:
                    tickets:
                      use: testkit:InMemoryTicketSystem
                  orchestrator:
                    runners:
                %s""".formatted(TOKEN, runners);
    }
}
