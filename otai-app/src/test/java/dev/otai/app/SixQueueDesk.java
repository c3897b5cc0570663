package dev.otai.app;

import dev.otai.api.classify.ClassificationRequest;
import dev.otai.testkit.StubClassifier;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The helpdesk of the clustered-mode acceptance tests: six runners {@code route-1} … {@code route-6}, each fetching
 * its own OTOBO queue {@code Inbox-1} … {@code Inbox-6} every second and, for each ticket, classifying it (stub),
 * moving it to the label's queue and adding a note that names it; and a runner {@code hooks} that notes the ticket
 * of each webhook event on {@code POST /hooks/otobo_events}. One config for every engine: each logs in to OTOBO
 * as its own agent ({@code OTOBO_USER}, {@code agent-<engine name>}), so the fake can tell which engine sent what.
 * (The login is not the engine's name itself: a value read with {@code get_env} is a secret, masked in the log.)
 */
final class SixQueueDesk {

    static final int RUNNERS = 6;
    static final List<String> LABELS = List.of("IT", "Billing", "Sales");
    static final String HOOK_QUEUE = "Hooks";
    static final String AGENT_PASSWORD = "agent-Pa55";

    private static final String HEAD = """
            open_ticket_ai:
              infrastructure:
                http: { port: 0 }
              services:
                otobo:
                  use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                  params:
                    base_url: "BASE_URL"
                    username: "{{ get_env('OTOBO_USER') }}"
                    password: "{{ get_env('OTOBO_PASSWORD') }}"
                queue_model:
                  use: "testkit:StubClassifier"
                  params: { labels: LABELS }
              orchestrator:
                shutdown_grace: PT30S
                runners:
                  - id: hooks
                    on: [{ id: otobo_events, use: "base:WebhookTrigger", params: { allow_unauthenticated: true } }]
                    run:
                      id: note_event
                      use: "base:AddNotePipe"
                      injects: { ticket_system: otobo }
                      params:
                        ticket_id: "{{ event.ticket_id }}"
                        note: { subject: "Event", body: "Event for ticket {{ event.ticket_id }}" }
            """;
    private static final String RUNNER = """
                  - id: route-RUNNER_N
                    on: [{ id: every_second_RUNNER_N, use: "base:IntervalTrigger", params: { seconds: 1, fire_at_start: true } }]
                    run:
                      id: batch_RUNNER_N
                      use: "base:CompositePipe"
                      steps:
                        - id: fetch
                          use: "base:FetchTicketsPipe"
                          injects: { ticket_system: otobo }
                          params: { ticket_search_criteria: { queue: { name: "Inbox-RUNNER_N" }, limit: 200 } }
                        - id: each
                          use: "base:ForEachPipe"
                          params:
                            items: "{{ get_pipe_result('fetch','fetched_tickets') }}"
                            item_name: ticket
                            parallelism: 2
                            steps:
                              - id: classify
                                use: "base:ClassificationPipe"
                                injects: { classification_service: queue_model }
                                params: { text: "{{ ticket.subject }} {{ ticket.body }}" }
                              - id: route
                                use: "base:UpdateTicketPipe"
                                injects: { ticket_system: otobo }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  updated_ticket: { queue: { name: "{{ get_pipe_result('classify','label') }}" } }
                              - id: note
                                use: "base:AddNotePipe"
                                injects: { ticket_system: otobo }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  note: { subject: "AI routing", body: "Queue {{ get_pipe_result('classify','label') }}" }
            """;

    private SixQueueDesk() {
    }

    static String queue(int runner) {
        return "Inbox-" + runner;
    }

    static String runner(int runner) {
        return "route-" + runner;
    }

    /** The routing queues, {@code perQueue[i]} tickets in {@code Inbox-(i+1)}, and the agent of each engine. */
    static void seed(FakeOtobo fake, int[] perQueue, List<String> engines) {
        LABELS.forEach(fake::queue);
        fake.queue(HOOK_QUEUE);
        engines.forEach(engine -> fake.user(agentOf(engine), AGENT_PASSWORD));
        for (int q = 1; q <= perQueue.length; q++) {
            fake.queue(queue(q));
            for (int i = 1; i <= perQueue[q - 1]; i++) {
                fake.addTicket("Ticket " + q + "." + i, "Body of ticket " + i + " of queue " + q, queue(q));
            }
        }
    }

    /** Writes the config, with the fake's address, into {@code dir}. */
    static Path writeConfig(Path dir, FakeOtobo fake) throws IOException {
        var config = new StringBuilder(HEAD.replace("BASE_URL", fake.baseUrl())
                .replace("LABELS", "[\"" + String.join("\", \"", LABELS) + "\"]"));
        IntStream.rangeClosed(1, RUNNERS).forEach(n -> config.append(RUNNER.replace("RUNNER_N", Integer.toString(n))));
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config.toString());
        return file;
    }

    /** The environment engine {@code name} logs in to OTOBO with, as its own agent. */
    static Map<String, String> agent(String name) {
        return Map.of("OTOBO_USER", agentOf(name), "OTOBO_PASSWORD", AGENT_PASSWORD);
    }

    /** The OTOBO login of engine {@code name}. */
    static String agentOf(String engine) {
        return "agent-" + engine;
    }

    /** The engine whose OTOBO login is {@code agent}. */
    static String engineOf(String agent) {
        return agent.substring("agent-".length());
    }

    /** Tickets of the inboxes that are not in their label's queue with exactly one note naming it, described. */
    static List<String> notRoutedOnce(FakeOtobo fake) {
        var wrong = new ArrayList<String>();
        for (OtoboTicket ticket : fake.tickets()) {
            if (!ticket.title().startsWith("Ticket ")) {
                continue;
            }
            String label = expectedQueue(ticket);
            var notes = ticket.addedArticles().stream().map(a -> a.body()).toList();
            if (!ticket.queue().equals(label) || !notes.equals(List.of("Queue " + label))) {
                wrong.add("ticket " + ticket.id() + " (" + ticket.title() + ") in " + ticket.queue() + " with notes " + notes
                        + "; expected " + label + " with one note");
            }
        }
        return wrong;
    }

    /** As {@link #notRoutedOnce}, each with the writes the fake received for it: who sent what, when. */
    static String notRoutedOnceWithWrites(FakeOtobo fake) {
        var out = new StringBuilder();
        for (String wrong : notRoutedOnce(fake)) {
            String id = wrong.substring("ticket ".length(), wrong.indexOf(' ', "ticket ".length()));
            out.append(wrong).append("; writes: ");
            fake.activity().writes().stream().filter(w -> w.ticketId().equals(id)).forEach(w -> out.append(w.at()).append(' ')
                    .append(w.login()).append(w.changedFields() ? " fields" : "").append(w.addedArticle() ? " article" : "").append(", "));
            out.append('\n');
        }
        return out.toString();
    }

    /** Tickets of the inboxes (by title) that have no note yet. */
    static long unnoted(FakeOtobo fake) {
        return fake.tickets().stream().filter(t -> t.title().startsWith("Ticket ")).filter(t -> t.addedArticles().isEmpty()).count();
    }

    /** Tickets of {@code queue} (by title) that already got their note. */
    static long noted(FakeOtobo fake, int queue) {
        return fake.tickets().stream().filter(t -> t.title().startsWith("Ticket " + queue + "."))
                .filter(t -> !t.addedArticles().isEmpty()).count();
    }

    private static String expectedQueue(OtoboTicket ticket) {
        var model = new StubClassifier(LABELS, Map.of());
        return model.classify(new ClassificationRequest(ticket.title() + " " + ticket.articles().getFirst().body(), "", null)).label();
    }
}
