package dev.otai.bench.http;

import dev.otai.testkit.otobo.FakeOtobo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One contender of the real-process benchmark: a process that routes the tickets waiting at a base URL until stopped. */
sealed interface Contender {

    String name();

    /** The process, ready to start in {@code workDir} (fresh and empty) against the fake at {@code baseUrl}. */
    ProcessBuilder process(String baseUrl, int parallelism, Path workDir) throws IOException;

    /**
     * {@code otai run} as a user runs it: the app's main class with the launcher's JVM flags, the bench config
     * polling {@code Incoming}, the default store, run history and ledger under the work dir (its {@code OTAI_HOME}
     * and working directory); {@code ledger} false adds {@code ledger.enabled: false} to the config; {@code jvmFlags}
     * are the launcher's ({@link Launch#otaiJvmFlags()}) or, to compare, another set.
     */
    record OtaiRun(String name, Launch launch, boolean ledger, List<String> jvmFlags) implements Contender {

        OtaiRun(String name, Launch launch, boolean ledger) {
            this(name, launch, ledger, launch.otaiJvmFlags());
        }

        @Override
        public ProcessBuilder process(String baseUrl, int parallelism, Path workDir) throws IOException {
            String on = "\"on\": { id: poll, use: \"base:IntervalTrigger\", params: { milliseconds: " + launch.pollMs()
                    + ", fire_at_start: true } }";
            String config = OtaiSide.config(launch.fetch(), parallelism, on);
            if (!ledger) {
                config = config.replace("open_ticket_ai:\n", "open_ticket_ai:\n  infrastructure:\n    storage:\n      ledger:\n        enabled: false\n");
            }
            Files.writeString(workDir.resolve("config.yml"), config);
            List<String> command = new ArrayList<>(launch.jvm(name, workDir));
            command.addAll(jvmFlags);
            command.addAll(List.of("-Dotai.home=" + workDir, "-cp", launch.otaiClasspath(), "dev.otai.app.Main", "run", "--config", "config.yml"));
            var process = new ProcessBuilder(command).directory(workDir.toFile());
            process.environment().keySet().removeIf(key -> key.startsWith("OTAI") || key.startsWith("OPEN_TICKET_AI") || key.startsWith("CFG__"));
            process.environment().putAll(Map.of("OTAI_HOME", workDir.toString(), "OTOBO_URL", baseUrl, "OTOBO_PASSWORD", FakeOtobo.PASSWORD));
            return process;
        }
    }

    /** The idiomatic Camel route ({@link CamelSide}) polling the same way, with the JVM's default flags, as a Camel user runs it. */
    record CamelRun(Launch launch) implements Contender {

        @Override
        public String name() {
            return "camel";
        }

        @Override
        public ProcessBuilder process(String baseUrl, int parallelism, Path workDir) {
            List<String> command = new ArrayList<>(launch.jvm(name(), workDir));
            command.addAll(List.of("-cp", launch.benchClasspath(), CamelRunMain.class.getName(), baseUrl,
                    Integer.toString(parallelism), Integer.toString(launch.fetch()), Integer.toString(launch.pollMs())));
            return new ProcessBuilder(command).directory(workDir.toFile());
        }
    }
}
