package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.TicketQuery;
import dev.otai.store.Store;
import dev.otai.store.tickets.LocalTicketSystem;
import dev.otai.testkit.process.ReapChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the quickstart as a new user would: the runnable jar the launcher runs, a fresh data directory, stopped by
 * SIGTERM after its first pass. An integration test: it needs the packaged jar.
 */
@ExtendWith(ReapChildProcesses.class)
class QuickstartIT {

    @TempDir
    Path dir;

    @Test
    void quickstart_routes_every_sample_ticket_out_of_incoming_and_stops_cleanly() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path output = dir.resolve("quickstart.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = repository.resolve("otai-app/target/otai.jar");
        // inside the repository, as for a user who runs ./otai quickstart there: no path under it may print as ***
        Path data = Files.createTempDirectory(repository.resolve("otai-app/target"), "quickstart-it").resolve("otai-data");
        Process engine = new ProcessBuilder(java, "-Dotai.home=" + repository, "-jar", jar.toString(),
                "quickstart", "--data-dir", data.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !engine.isAlive() || Files.readString(output).contains("Ctrl-C stops."));
        assertThat(engine.isAlive()).as("the quickstart exited early: %s", Files.readString(output)).isTrue();
        engine.destroy(); // SIGTERM

        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(output);
        assertThat(engine.exitValue()).as(log).isZero();
        assertThat(log).contains("Routing 720 tickets from queue Incoming").contains("Routed: 720/720")
                .containsPattern("Accuracy against the sample set's labels: \\d+\\.\\d %")
                .contains("(data in " + data + ")").doesNotContain("***");
        try (Store store = Store.openEmbedded(data, InstantSource.system())) {
            var tickets = new LocalTicketSystem(store);
            assertThat(tickets.count()).isEqualTo(720);
            assertThat(tickets.find(TicketQuery.inQueue("Incoming", 1000))).isEmpty();
        }
    }
}
