package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the engine process (SIGKILL) in the middle of a for-each over 100 tickets on a fake OTOBO server that
 * outlives it, then runs it again: the effect ledger in the data directory makes every ticket end routed with
 * exactly one note.
 */
@ExtendWith(ReapChildProcesses.class)
class OtoboCrashRecoveryTest {

    private static final int TICKETS = 100;

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void killed_mid_for_each_every_ticket_ends_processed_once_and_no_note_appears_twice() throws Exception {
        OtoboRouting.seed(fake, TICKETS);
        Path config = OtoboRouting.writeConfig(dir, fake);
        fake.faults().latency(Duration.ofMillis(25)); // ~1.5 s of writes: the kill lands while they go on

        Process first = start(config, "first.log");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> writes() >= TICKETS || !first.isAlive());
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL
        }
        long writesBeforeKill = writes();
        assertThat(writesBeforeKill).as("the kill landed mid-run; log:%n%s", log("first.log"))
                .isBetween((long) TICKETS, 2L * TICKETS - 10);
        assertThat(fake.tickets()).as("tickets still waiting after the kill").anyMatch(t -> t.queue().equals("Incoming"));

        fake.faults().latency(Duration.ZERO);
        Process second = start(config, "second.log");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second engine finished").isTrue();
        assertThat(second.exitValue()).as(log("second.log")).isZero();

        assertThat(fake.tickets()).hasSize(TICKETS).allSatisfy(this::routedWithOneNote);
    }

    private void routedWithOneNote(OtoboTicket ticket) {
        String queue = OtoboRouting.expectedQueue(ticket.title(), ticket.articles().getFirst().body());
        assertThat(ticket.queue()).as("queue of ticket %s", ticket.id()).isEqualTo(queue);
        assertThat(ticket.addedArticles()).as("notes of ticket %s", ticket.id()).singleElement()
                .satisfies(note -> assertThat(note.body()).isEqualTo("Queue " + queue));
    }

    private long writes() {
        return fake.requests().stream().filter(OtoboRouting::isWrite).count();
    }

    private Process start(Path config, String logName) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--once", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile())
                .start();
    }

    private String log(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }
}
