package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs the engine as a real process and stops it with SIGTERM while a run is in flight. */
@ExtendWith(ReapChildProcesses.class)
class GracefulShutdownTest {

    @TempDir
    Path dir;

    private Process start(String config) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config.replace("DIR", dir.toString()));
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--config", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("engine.log").toFile())
                .start();
    }

    private long lines(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("engine.log"));
    }

    /** A run that touches 'started', waits for a file 'release' the test never creates, then touches 'finished'. */
    private static String stuckRun(String grace) {
        return """
                otai:
                  orchestrator:
                    shutdown_grace: %s
                    runners:
                      - id: stuck
                        run:
                          id: work
                          use: base:CompositePipe
                          steps:
                            - { id: started, use: "testkit:Touch", params: { path: "DIR/started" } }
                            - { id: wait, use: "testkit:AwaitFile", params: { path: "DIR/release" } }
                            - { id: done, use: "testkit:Touch", params: { path: "DIR/finished" } }
                """.formatted(grace);
    }

    @Test
    void when_the_grace_period_runs_out_the_in_flight_run_is_cancelled_with_a_warning_and_the_engine_exits_zero()
            throws Exception {
        Process engine = start(stuckRun("PT0.2S"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> lines("started") == 1 || !engine.isAlive());

        engine.destroy(); // SIGTERM

        assertThat(engine.waitFor(30, TimeUnit.SECONDS)).as("engine exited").isTrue();
        assertThat(engine.exitValue()).as(log()).isZero();
        assertThat(log()).contains("WARN").contains("Stopping: runs still in flight after the 200ms grace period are cancelled")
                .contains("Orchestrator stopped");
        assertThat(dir.resolve("finished")).doesNotExist();
    }

    @Test
    void a_second_sigterm_while_stopping_exits_at_once_with_code_130_and_says_so() throws Exception {
        Process engine = start(stuckRun("PT5M"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> lines("started") == 1 || !engine.isAlive());
        engine.destroy(); // SIGTERM: a stop that would wait five minutes for the stuck run
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> log().contains("SIGTERM received: stopping"));

        engine.destroy(); // SIGTERM again

        assertThat(engine.waitFor(30, TimeUnit.SECONDS)).as("engine exited without waiting for the grace period").isTrue();
        assertThat(engine.exitValue()).as(log()).isEqualTo(130);
        assertThat(log()).contains("SIGTERM received again: exiting now with code 130, without waiting for runs in flight")
                .doesNotContain("Orchestrator stopped");
        assertThat(dir.resolve("finished")).doesNotExist();
    }

    @Test
    void sigterm_lets_the_in_flight_run_finish_starts_nothing_new_and_exits_zero() throws Exception {
        Process engine = start("""
                otai:
                  orchestrator:
                    shutdown_grace: PT30S
                    runners:
                      - id: slow
                        run:
                          id: work
                          use: base:CompositePipe
                          steps:
                            - { id: started, use: "testkit:Touch", params: { path: "DIR/started" } }
                            - { id: wait, use: "testkit:AwaitFile", params: { path: "DIR/release" } }
                            - { id: done, use: "testkit:Touch", params: { path: "DIR/finished" } }
                      - id: ticker
                        on: [{ id: often, use: base:IntervalTrigger, params: { milliseconds: 20 } }]
                        run: { id: tick, use: "testkit:Touch", params: { path: "DIR/ticks" } }
                """);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> lines("started") == 1 && lines("ticks") > 2);

        engine.destroy(); // SIGTERM
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("engine.log")).contains("stopping"));
        long ticksAtStop = lines("ticks");
        Files.createFile(dir.resolve("release"));

        assertThat(engine.waitFor(30, TimeUnit.SECONDS)).as("engine exited").isTrue();
        assertThat(engine.exitValue()).as(Files.readString(dir.resolve("engine.log"))).isZero();
        assertThat(lines("finished")).as("the in-flight run completed").isEqualTo(1);
        assertThat(lines("started")).isEqualTo(1);
        assertThat(lines("ticks")).as("no new run after the signal").isLessThanOrEqualTo(ticksAtStop + 1);
        List<String> log = Files.readAllLines(dir.resolve("engine.log"));
        assertThat(log).anySatisfy(line -> assertThat(line).contains("Orchestrator stopped"));
    }
}
