package dev.otai.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end HTTP benchmark (run with {@code bench/run-http.sh}): the fake OTOBO in one JVM, and per parallelism
 * one JVM per side (otai, camel, camel-jinja, floor), run in alternating rounds on freshly seeded tickets. Options:
 * {@code --tickets 400 --warmup 2 --rounds 5 --parallelism 1,4,16 --sides otai,camel,camel-jinja,floor --pin true --jfr none}
 * ({@code --jfr otai} records a JFR profile of that side into {@code otai-bench-http/target/}).
 */
public final class HttpBench {

    private static final List<String> JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

    private final Map<String, String> options;
    private final HttpClient control = HttpClient.newHttpClient();
    private final Results results = new Results();
    private String controlUrl;
    private Child fake;

    private HttpBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<>(Map.of("tickets", "400", "warmup", "2", "rounds", "5",
                "parallelism", "1,4,16", "sides", "otai,camel,camel-jinja,floor", "pin", "true", "jfr", "none"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new HttpBench(options).run();
    }

    private void run() throws Exception {
        boolean pin = Boolean.parseBoolean(options.get("pin"));
        List<String> sides = List.of(options.get("sides").split(","));
        List<Integer> parallelisms = Arrays.stream(options.get("parallelism").split(",")).map(Integer::valueOf).toList();
        try (Child fake = this.fake = new Child(pin ? "1" : null, List.of("-Dsun.net.httpserver.nodelay=true", "-Xmx1g"),
                FakeOtoboMain.class.getName(), List.of())) {
            String[] hello = fake.readLine().split(" ");
            String baseUrl = hello[1].substring("base_url=".length());
            controlUrl = "http://127.0.0.1:" + hello[2].substring("control=".length());
            System.out.println("# " + String.join(" ", hello) + ", options " + options);
            for (int p : parallelisms) {
                compare(sides, p, baseUrl, pin);
            }
        }
        results.print(sides, parallelisms);
    }

    private void compare(List<String> sides, int p, String baseUrl, boolean pin) throws Exception {
        int n = Integer.parseInt(options.get("tickets"));
        int warmup = Integer.parseInt(options.get("warmup"));
        int rounds = Integer.parseInt(options.get("rounds"));
        var children = new LinkedHashMap<String, Child>();
        try {
            for (String side : sides) { // start each side on waiting tickets: start → first effect
                seed(n);
                Child child = new Child(pin ? "0" : null, jvm(side, p), Worker.class.getName(), List.of(side, baseUrl, Integer.toString(p), Integer.toString(n)));
                children.put(side, child);
                RoundStats stats = check(side, p, child.readAnswer("R ", "E "), "start");
                if (stats != null) {
                    results.cell(side, p).firstEffectMs = stats.firstWriteEpochMs() - child.startedEpochMs;
                }
            }
            for (int r = 0; r < warmup + rounds; r++) {
                for (var entry : children.entrySet()) {
                    round(entry.getKey(), entry.getValue(), p, n, r >= warmup ? "round " + (r - warmup + 1) : "warm-up " + (r + 1));
                }
            }
            for (var entry : children.entrySet()) {
                results.cell(entry.getKey(), p).rssMiB = entry.getValue().rssMiB();
            }
        } finally {
            children.values().forEach(Child::close);
        }
    }

    /** The same flags for every side; {@code --jfr <side>} adds a profiling recording to that side's JVM. */
    private List<String> jvm(String side, int p) {
        if (!side.equals(options.get("jfr"))) {
            return JVM;
        }
        var flags = new ArrayList<>(JVM);
        flags.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=otai-bench-http/target/" + side + "-p" + p + ".jfr");
        return flags;
    }

    private void round(String side, Child child, int p, int n, String label) throws IOException, InterruptedException {
        if (results.cell(side, p).refused != null) {
            return;
        }
        seed(n);
        long fakeCpu = fake.cpuNs();
        child.send("round");
        String line = child.readAnswer("R ", "E ");
        fakeCpu = fake.cpuNs() - fakeCpu;
        RoundStats stats = check(side, p, line, label);
        if (stats != null && label.startsWith("round")) {
            String[] r = line.split(" ");
            results.add(side, p, n, Long.parseLong(r[1]), Long.parseLong(r[2]), fakeCpu, stats);
        }
    }

    /** The fake's stats for the round just run, or null (and the side refused) when the run or the check failed. */
    private RoundStats check(String side, int p, String line, String label) throws IOException, InterruptedException {
        RoundStats stats = RoundStats.parseLine(get("/stats"));
        String problem = line.startsWith("E ") ? line.substring(2)
                : !stats.allCorrect() ? stats.correct() + " of " + stats.tickets() + " tickets correct (" + stats.problems() + ")" : null;
        System.out.printf("%-6s P=%-3d %-10s %s%n", side, p, label, problem == null ? line + " ok" : "FAILED: " + problem);
        if (problem != null) {
            results.cell(side, p).refused = label + ": " + problem;
            return null;
        }
        return stats;
    }

    private void seed(int n) throws IOException, InterruptedException {
        control.send(HttpRequest.newBuilder(URI.create(controlUrl + "/seed?n=" + n)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws IOException, InterruptedException {
        return control.send(HttpRequest.newBuilder(URI.create(controlUrl + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
