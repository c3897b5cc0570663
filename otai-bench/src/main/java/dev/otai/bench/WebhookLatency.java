package dev.otai.bench;

import dev.otai.core.orchestration.EngineEvent;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Webhook → run start on loopback: one client sends {@code POST /hooks/hook} with a ticket id, waits for the run
 * to finish, and sends the next. Latency = from just before sending to the engine's {@code RunStarted} event
 * (both on this process's monotonic clock); also the 202 answer's round trip. Refuses to report when a request
 * is not answered 202 or its run does not see the ticket id it was sent.
 */
public final class WebhookLatency {

    static final String YAML = """
            open_ticket_ai:
              api_version: ">=1.0.0"
              infrastructure: { logging: { level: "__LEVEL__" } }
              orchestrator:
                runners:
                  - id: on_hook
                    on: [{ id: hook, use: "base:WebhookTrigger" }]
                    run: { id: echo, use: "base:ExpressionPipe", params: { expression: "{{ event.ticket_id }}" } }
            """;

    private WebhookLatency() {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, Map.of("requests", "2000", "warmup", "2", "rounds", "5", "level", "INFO", "log", "/dev/null"));
        BenchLogging.apply(args.text("level"), args.text("log"));
        System.out.println("webhook -> run start " + args + ", JVM " + Runtime.version() + " "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        var started = new LinkedBlockingQueue<Long>();
        var finished = new LinkedBlockingQueue<EngineEvent.RunFinished>();
        var rows = new ArrayList<long[]>();
        try (var engine = new InProcessEngine(YAML.replace("__LEVEL__", args.text("level")), event -> {
            switch (event) {
                case EngineEvent.RunStarted s -> started.add(System.nanoTime());
                case EngineEvent.RunFinished f -> finished.add(f);
                default -> { }
            }
        }, true)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + engine.port() + "/hooks/hook");
            int total = args.integer("warmup") + args.integer("rounds");
            for (int round = 0; round < total; round++) {
                long[] result = round(client, uri, args.integer("requests"), round, started, finished);
                if (round >= args.integer("warmup")) {
                    rows.add(result);
                }
            }
        }
        print(rows, args);
    }

    /** Returns {p50 start, p99 start, max start, p50 answer, p99 answer} in µs. */
    private static long[] round(HttpClient client, URI uri, int requests, int round, LinkedBlockingQueue<Long> started,
                                LinkedBlockingQueue<EngineEvent.RunFinished> finished) throws Exception {
        var startLatency = new ArrayList<Long>(requests);
        var answerLatency = new ArrayList<Long>(requests);
        for (int i = 0; i < requests; i++) {
            String ticketId = round + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"TicketID\":\"" + ticketId + "\"}"))
                    .header("Content-Type", "application/json").build();
            long sent = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            Long runStarted = started.poll(5, TimeUnit.SECONDS);
            EngineEvent.RunFinished run = finished.poll(5, TimeUnit.SECONDS);
            if (response.statusCode() != 202 || runStarted == null || run == null || !run.result().succeeded()
                    || !ticketId.equals(String.valueOf(run.result().data().get("value")))) {
                fail("request " + ticketId + ": answer " + response.statusCode() + " " + response.body() + ", run "
                        + (run == null ? "never finished" : run.result() + " " + run.result().data()));
            }
            startLatency.add((runStarted - sent) / 1000);
            answerLatency.add((answered - sent) / 1000);
        }
        var start = new Percentiles(startLatency);
        var answer = new Percentiles(answerLatency);
        return new long[] {start.at(0.50), start.at(0.99), start.max(), answer.at(0.50), answer.at(0.99)};
    }

    private static void print(List<long[]> rows, Args args) {
        var table = new ResultTable("measure (µs)", "median (range) over rounds", "target");
        String[] names = {"request sent → RunStarted, p50", "request sent → RunStarted, p99", "request sent → RunStarted, max",
            "202 answer round trip, p50", "202 answer round trip, p99"};
        String[] targets = {"-", "<= 5,000", "-", "-", "-"};
        for (int i = 0; i < names.length; i++) {
            final int column = i;
            table.row(names[i], Summary.of(rows.stream().map(r -> (double) r[column]).toList()).format(0), targets[i]);
        }
        table.print(System.out);
        System.out.println(rows.size() + " rounds of " + args.integer("requests") + " requests, one at a time, JDK HttpClient HTTP/1.1 keep-alive");
    }

    private static void fail(String why) {
        System.err.println("CORRECTNESS CHECK FAILED; no number is reported: " + why);
        System.exit(2);
    }
}
