package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine runs as a real process (under umask 000) on a data directory; a second {@code otai run} on it is
 * refused at once, the CLI still reads the store through the engine, and a SIGKILL frees the directory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(ReapChildProcesses.class)
class OneEnginePerDataDirectoryTest {

    @TempDir
    Path dir;

    private Process engine;

    private Path config() throws IOException {
        Path tickets = Files.writeString(dir.resolve("tickets.jsonl"),
                "{\"id\": \"T-1\", \"subject\": \"VPN down\", \"body\": \"b\", \"queue\": \"IT\"}\n");
        return Files.writeString(dir.resolve("config.yml"), """
                otai:
                  infrastructure:
                    storage: { data_dir: "DIR/data" }
                  services:
                    desk: { use: "local:LocalTicketSystem", params: { seed: "TICKETS" } }
                  orchestrator:
                    runners:
                      - id: ticker
                        on: [{ id: often, use: base:IntervalTrigger, params: { milliseconds: 200 } }]
                        run: { id: tick, use: "testkit:Touch", params: { path: "DIR/ticks" } }
                """.replace("DIR", dir.toString().replace("\\", "/")).replace("TICKETS", tickets.toString().replace("\\", "/")));
    }

    private Process startEngineWithUmask000(Path config) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder("/bin/sh", "-c", "umask 000; exec \"$0\" -cp \"$1\" \"$2\" run --config \"$3\"",
                java, System.getProperty("java.class.path"), Main.class.getName(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("engine.log").toFile())
                .start();
    }

    @Test
    void a_second_engine_is_refused_readers_still_work_and_a_sigkill_frees_the_directory() throws IOException {
        Path config = config();
        Path data = dir.resolve("data");
        engine = startEngineWithUmask000(config);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dir.resolve("ticks")) || !engine.isAlive());
        assertThat(engine.isAlive()).as(Files.readString(dir.resolve("engine.log"))).isTrue();

        Cli.Outcome second = Cli.run("run", "--once", "--config", config.toString());
        Cli.Outcome runs = Cli.run("runs", "--config", config.toString());
        Cli.Outcome tickets = Cli.run("tickets", "list", "--config", config.toString());

        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).startsWith("the data directory " + data + " is in use by another otai engine (pid "
                + engine.pid() + "); one engine at a time may use a data directory");
        assertThat(runs.code()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("ticker");
        assertThat(tickets.code()).as(tickets.err()).isZero();
        assertThat(tickets.out()).contains("VPN down");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        for (String name : List.of("otai.mv.db", "store.key", "otai.lock.db", "engine.lock")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name)))).as(name)
                    .isEqualTo("rw-------");
        }

        engine.destroyForcibly(); // SIGKILL
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !engine.isAlive());
        Cli.Outcome after = Cli.run("run", "--once", "--config", config.toString());

        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out()).contains("ticker");
    }
}
