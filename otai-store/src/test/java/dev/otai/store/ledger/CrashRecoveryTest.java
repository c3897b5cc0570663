package dev.otai.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.Store;
import dev.otai.store.StoreFixture;
import dev.otai.store.tickets.LocalTicketSystem;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.process.ReapChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the engine process (SIGKILL) while it works through 100 tickets, then finishes the work in a new
 * engine: every ticket ends routed, with exactly one note.
 */
@ExtendWith(ReapChildProcesses.class)
class CrashRecoveryTest {

    static final String CONFIG = """
            open_ticket_ai:
              services:
                desk:
                  use: "local:LocalTicketSystem"
                  params: { seed: "%s", seed_queue: "Incoming" }
              orchestrator:
                runners:
                  - id: route
                    on: [{ id: tick, use: "base:IntervalTrigger", params: { milliseconds: 5 } }]
                    run:
                      id: routing
                      use: "base:CompositePipe"
                      params:
                        steps:
                          - id: fetch
                            use: "base:FetchTicketsPipe"
                            injects: { ticket_system: desk }
                            params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 1 } }
                          - id: explain
                            use: "base:AddNotePipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                              note: "Routed to {{ get_pipe_result('fetch','fetched_tickets')[0]['fields']['label_queue'] }}"
                          - id: move
                            use: "base:UpdateTicketPipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                              updated_ticket: { queue: { name: "{{ get_pipe_result('fetch','fetched_tickets')[0]['fields']['label_queue'] }}" } }
            """;

    @TempDir
    Path dir;

    @Test
    void killed_mid_batch_every_ticket_ends_processed_once_with_one_note() throws Exception {
        Path config = writeConfig();
        Path dataDir = dir.resolve("otai-data");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dataDir.toString(), config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try (Store observer = openWhenReady(dataDir)) {
            var tickets = new LocalTicketSystem(observer);
            await().atMost(Duration.ofSeconds(60)).until(() -> inQueue(tickets, "Incoming") <= 70);
        } finally {
            child.destroyForcibly().waitFor();
        }

        try (var fixture = new StoreFixture(StorageSettings.defaults().withDataDirectory(dataDir));
             var running = fixture.start(Files.readString(config).replace("milliseconds: 5", "minutes: 5"), Map.of(), false)) {
            var tickets = new LocalTicketSystem(fixture.store);
            int runs = 0;
            while (inQueue(tickets, "Incoming") > 0 && runs++ < 200) {
                running.engine().runOnce();
            }
            List<Ticket> all = new ArrayList<>();
            tickets.forEach(all::add);

            assertThat(all).hasSize(100).allSatisfy(t -> {
                assertThat(t.queue().name()).isEqualTo(t.fields().get("label_queue"));
                assertThat(t.notes()).extracting(Note::body).containsExactly("Routed to " + t.fields().get("label_queue"));
            });
        }
    }

    private Path writeConfig() throws Exception {
        var lines = new StringBuilder();
        String[] queues = {"IT", "Billing", "Sales", "HR"};
        for (int i = 1; i <= 100; i++) {
            lines.append("{\"id\": \"T-%03d\", \"subject\": \"s%d\", \"body\": \"b\", \"queue\": \"%s\"}\n"
                    .formatted(i, i, queues[i % queues.length]));
        }
        Path seed = dir.resolve("tickets.jsonl");
        Files.writeString(seed, lines);
        Path config = dir.resolve("config.yml");
        Files.writeString(config, CONFIG.formatted(seed.toString().replace("\\", "/")));
        return config;
    }

    /** Opens the store once the child has created and seeded it (through the child's auto-server port). */
    private static Store openWhenReady(Path dataDir) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dataDir.resolve("store.key"))
                && Files.exists(dataDir.resolve("otai.lock.db")));
        Store[] opened = new Store[1];
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            opened[0] = Store.openEmbedded(dataDir, new FakeClock());
            if (new LocalTicketSystem(opened[0]).count() == 100) {
                return true;
            }
            opened[0].close();
            return false;
        });
        return opened[0];
    }

    private static long inQueue(LocalTicketSystem tickets, String queue) {
        return tickets.find(new TicketQuery(Entity.named(queue), List.of(), 1000, 0, null, null)).size();
    }
}
