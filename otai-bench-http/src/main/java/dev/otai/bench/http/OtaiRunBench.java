package dev.otai.bench.http;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real-process benchmark ({@code bench/run-http.sh otai-run}): {@code otai run} as users run it (store, run
 * history and ledger on), the same config with the ledger off, and the Camel route, each as its own process pinned
 * to CPU 0, against the fake OTOBO pinned to CPU 1; per parallelism, {@code runs} cold runs of each, alternating.
 * Options: {@code --tickets 2000 --fetch 50 --parallelism 1,4,16 --runs 3 --contenders otai,otai-ledger-off,camel
 * --pin true --poll-ms 10 --jfr none --app-jar otai-app/target/otai.jar --testkit-jar … --work-dir otai-bench-http/target/otai-run}.
 */
public final class OtaiRunBench {

    private OtaiRunBench() {
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<>(Map.of("tickets", "2000", "fetch", "50", "parallelism", "1,4,16", "runs", "3",
                "contenders", "otai,otai-ledger-off,camel", "pin", "true", "poll-ms", "10", "jfr", "none",
                "app-jar", "otai-app/target/otai.jar", "work-dir", "otai-bench-http/target/otai-run"));
        options.put("testkit-jar", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        boolean pin = Boolean.parseBoolean(options.get("pin"));
        String java = ProcessHandle.current().info().command().orElse("java");
        var launch = new Launch(java, Launch.LAUNCHER_FLAGS, absolute(options.get("app-jar") + ":" + options.get("testkit-jar")),
                absolute(System.getProperty("java.class.path")), pin ? "0" : null, Integer.parseInt(options.get("fetch")),
                Integer.parseInt(options.get("poll-ms")), options.get("jfr"));
        System.out.println("# otai run benchmark, options " + options + "\n# otai: " + String.join(" ", launch.otaiJvmFlags()));
        try (var fakeProcess = new Child(pin ? "1" : null, List.of("-Xmx1g"), FakeOtoboMain.class.getName(), List.of())) {
            String[] hello = fakeProcess.readLine().split(" ");
            try (var fake = new FakeControl("http://127.0.0.1:" + hello[2].substring("control=".length()), fakeProcess.pid())) {
                warmFake(fake);
                List<RoundOutcome> outcomes = run(options, contenders(options.get("contenders"), launch), new ProcessRound(fake, Duration.ofMinutes(10)));
                new RunTable(outcomes).print(System.out);
            }
        }
    }

    /** A class path whose entries hold wherever a contender's working directory is. */
    static String absolute(String classpath) {
        return String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString()).toList());
    }

    static List<Contender> contenders(String names, Launch launch) {
        return Arrays.stream(names.split(",")).map(name -> switch (name) {
            case "otai" -> (Contender) new Contender.OtaiRun("otai", launch, true);
            case "otai-ledger-off" -> new Contender.OtaiRun("otai-ledger-off", launch, false);
            case "otai-c2" -> new Contender.OtaiRun("otai-c2", launch, true, Launch.C2_FLAGS);
            case "camel" -> new Contender.CamelRun(launch);
            default -> throw new IllegalArgumentException("contender '" + name + "' is unknown; expected otai, otai-ledger-off, "
                    + "otai-c2 or camel");
        }).toList();
    }

    /** The fake's own JIT warm-up, so that the first contender does not meet a colder helpdesk than the others. */
    private static void warmFake(FakeControl fake) throws Exception {
        String baseUrl = fake.fresh(2000);
        try (var floor = new FloorSide(baseUrl, 16, 2000)) {
            floor.start();
        }
    }

    private static List<RoundOutcome> run(Map<String, String> options, List<Contender> contenders, ProcessRound round) throws Exception {
        int tickets = Integer.parseInt(options.get("tickets"));
        int runs = Integer.parseInt(options.get("runs"));
        Path work = Path.of(options.get("work-dir"));
        var outcomes = new ArrayList<RoundOutcome>();
        for (String p : options.get("parallelism").split(",")) {
            int parallelism = Integer.parseInt(p);
            for (int r = 1; r <= runs; r++) {
                for (Contender contender : contenders) {
                    RoundOutcome outcome = round.run(contender, parallelism, tickets, work.resolve(contender.name() + "-p" + p + "-r" + r).toAbsolutePath());
                    outcomes.add(outcome);
                    System.out.println(line(outcome, r));
                }
            }
        }
        return outcomes;
    }

    private static String line(RoundOutcome o, int run) {
        if (!o.ok()) {
            return String.format(Locale.ROOT, "%-16s P=%-3d run %d FAILED: %s", o.contender(), o.parallelism(), run, o.problem());
        }
        Traffic t = o.traffic();
        return String.format(Locale.ROOT, "%-16s P=%-3d run %d %7.1f tickets/s %6.2f CPU ms/ticket (fake %.2f) %5.2f requests/ticket "
                        + "(search %d, get %d, update %d, note %d, other %d) start→first request %.0f ms, RSS %.0f MiB, exit %d",
                o.contender(), o.parallelism(), run, o.ticketsPerSecond(), o.cpuMsPerTicket(), o.fakeCpuMsPerTicket(),
                o.requestsPerTicket(), t.searches(), t.gets(), t.updates(), t.notes(), t.other(), o.startToFirstRequestMs(),
                o.rssMiB(), o.exitCode());
    }
}
