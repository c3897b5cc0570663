package dev.otai.app;

import dev.otai.api.classify.ClassificationRequest;
import dev.otai.testkit.StubClassifier;
import dev.otai.testkit.http.RecordedRequest;
import dev.otai.testkit.otobo.FakeOtobo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The pipeline the OTOBO ledger, crash and resume tests run: for each ticket in Incoming, classify it, note the
 * label and move it there (in either order), and the config that points it at a fake OTOBO.
 */
final class OtoboRouting {

    static final List<String> LABELS = List.of("IT", "Billing", "Sales");

    private static final String SERVICES = """
            open_ticket_ai:
              infrastructure:
                storage: { data_dir: "DATA_DIR" }
              services:
                otobo:
                  use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                  params: { base_url: "BASE_URL", password: "PASSWORD" }
                queue_model:
                  use: "testkit:StubClassifier"
                  params: { labels: LABELS }
              orchestrator:
                runners:
                  - id: RUNNER_ID
                    run:
                      id: batch
                      use: "base:CompositePipe"
                      steps:
                        - id: fetch
                          use: "base:FetchTicketsPipe"
                          injects: { ticket_system: otobo }
                          params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 200 } }
                        - id: each
                          use: "base:ForEachPipe"
                          params:
                            items: "{{ get_pipe_result('fetch','fetched_tickets') }}"
                            item_name: ticket
                            parallelism: 4
                            steps:
            """;
    private static final String CLASSIFY = """
                              - id: classify
                                use: "base:ClassificationPipe"
                                injects: { classification_service: queue_model }
                                params: { text: "{{ ticket.subject }} {{ ticket.body }}" }
            """;
    private static final String NOTE = """
                              - id: note
                                use: "base:AddNotePipe"
                                injects: { ticket_system: otobo }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  note: { subject: "SUBJECT", body: "Queue {{ get_pipe_result('classify','label') }}" }
            """;
    private static final String MOVE = """
                              - id: route
                                use: "base:UpdateTicketPipe"
                                injects: { ticket_system: otobo }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  updated_ticket: { queue: { name: "{{ get_pipe_result('classify','label') }}" } }
            """;

    private OtoboRouting() {
    }

    /** The routing pipeline: classify, then note and move ({@code moveFirst}: move, then note). */
    static String config(List<String> labels, String noteSubject, boolean moveFirst) {
        String steps = CLASSIFY + (moveFirst ? MOVE + NOTE : NOTE + MOVE);
        return forEachIncoming("router", labels, steps).replace("SUBJECT", noteSubject);
    }

    /**
     * A runner that fetches up to 200 tickets from Incoming and runs {@code itemSteps} (list entries indented for
     * the for-each's {@code steps}, the ticket named {@code ticket}) for each, 4 at a time; the stub classifier
     * {@code queue_model} answers with one of {@code labels}.
     */
    static String forEachIncoming(String runnerId, List<String> labels, String itemSteps) {
        return SERVICES.replace("RUNNER_ID", runnerId)
                .replace("LABELS", "[\"" + String.join("\", \"", labels) + "\"]") + itemSteps;
    }

    /** Writes the routing pipeline that notes, then moves, into {@code dir}. */
    static Path writeConfig(Path dir, FakeOtobo fake) throws IOException {
        return write(dir, fake, config(LABELS, "AI routing", false));
    }

    /** Writes {@code config} into {@code dir}, with the data directory under it and the fake's address and password. */
    static Path write(Path dir, FakeOtobo fake, String config) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config.replace("DATA_DIR", dir.resolve("otai-data").toString().replace("\\", "/"))
                .replace("BASE_URL", fake.baseUrl()).replace("PASSWORD", FakeOtobo.PASSWORD));
        return file;
    }

    /** Adds {@code count} tickets in Incoming and the queues the pipeline routes to. */
    static void seed(FakeOtobo fake, int count) {
        LABELS.forEach(fake::queue);
        for (int i = 1; i <= count; i++) {
            fake.addTicket("Ticket " + i, "Body of ticket " + i, "Incoming");
        }
    }

    /** The queue the stub classifier picks for a ticket the fake holds, as the pipeline's text renders it. */
    static String expectedQueue(String title, String body) {
        var model = new StubClassifier(LABELS, Map.of());
        return model.classify(new ClassificationRequest(title + " " + body, "", null)).label();
    }

    static boolean isWrite(RecordedRequest request) {
        return request.path().endsWith("/ticket-update") || request.path().endsWith("/ticket-create");
    }
}
