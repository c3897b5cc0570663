package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.TicketUpdate;
import dev.otai.store.Store;
import dev.otai.store.tickets.LocalTicketSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * A local ticket system whose Incoming tickets one real {@code otai run --once} has routed (a keyword classifier,
 * then a queue write per ticket), and a person who then moves some of them, as a helpdesk agent would.
 */
final class RoutedDesk {

    private final Path dir;

    private RoutedDesk(Path dir) {
        this.dir = dir;
    }

    /** Seeds {@code ticketsJsonl} into Incoming and routes every ticket once: printer to IT, invoice to Billing. */
    static RoutedDesk routed(Path dir, String ticketsJsonl) throws Exception {
        var desk = new RoutedDesk(dir);
        Files.writeString(dir.resolve("tickets.jsonl"), ticketsJsonl);
        Files.writeString(desk.config(), """
                open_ticket_ai:
                  infrastructure:
                    storage: { data_dir: "%s" }
                  services:
                    desk:
                      use: "local:LocalTicketSystem"
                      params: { seed: "%s", seed_queue: "Incoming" }
                    queue_model:
                      use: "testkit:StubClassifier"
                      params: { labels: [IT, Billing], keywords: { printer: IT, invoice: Billing } }
                  orchestrator:
                    runners:
                      - id: router
                        run:
                          id: batch
                          use: "base:CompositePipe"
                          steps:
                            - id: fetch
                              use: "base:FetchTicketsPipe"
                              injects: { ticket_system: desk }
                              params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 100 } }
                            - id: each
                              use: "base:ForEachPipe"
                              params:
                                items: "{{ get_pipe_result('fetch','fetched_tickets') }}"
                                item_name: ticket
                                steps:
                                  - id: classify
                                    use: "base:ClassificationPipe"
                                    injects: { classification_service: queue_model }
                                    params: { text: "{{ ticket.subject }} {{ ticket.body }}" }
                                  - id: route
                                    use: "base:UpdateTicketPipe"
                                    injects: { ticket_system: desk }
                                    params:
                                      ticket_id: "{{ ticket.id }}"
                                      updated_ticket: { queue: { name: "{{ get_pipe_result('classify','label') }}" } }
                """.formatted(desk.dataDir().toString().replace("\\", "/"),
                dir.resolve("tickets.jsonl").toString().replace("\\", "/")));
        Cli.Outcome run = Cli.run("run", "--once", "--config", desk.config().toString());
        assertThat(run.code()).as(run.err()).isZero();
        return desk;
    }

    Path config() {
        return dir.resolve("config.yml");
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    /** A person moves the ticket to {@code queue} in the helpdesk, past otai. */
    void personMoves(String ticketId, String queue) throws Exception {
        try (Store store = Store.openEmbedded(dataDir(), InstantSource.system())) {
            new LocalTicketSystem(store).update(ticketId, TicketUpdate.from(Map.of("queue", Map.of("name", queue))));
        }
    }
}
