package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.store.TestFault;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run halted mid-for-each is continued by the next {@code otai run --once} from each item's first unfinished
 * step, with the results recorded before the crash: the classifier answers differently after the restart (its
 * labels changed), yet every ticket moved before the crash gets the note that names the queue it was moved to.
 * A runner whose pipes changed meanwhile is not resumed, and says so.
 */
@ExtendWith(ReapChildProcesses.class)
class OtoboResumeTest {

    private static final int TICKETS = 100;
    private static final List<String> BEFORE = List.of("IT", "Billing", "Sales");
    private static final List<String> AFTER = List.of("Hardware", "Finance", "Marketing");
    private static final Pattern RESUMED = Pattern.compile("Resuming run (\\w+) of runner 'router' as run (\\w+)");
    private static final Pattern NOT_RESUMED = Pattern.compile("Interrupted run (\\w+) is not resumed: runner 'router' has other steps");

    private static final String CONFIG = """
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
                  - id: router
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
                                  note: { subject: "SUBJECT", body: "Queue {{ get_pipe_result('classify','label') }}" }
            """;

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void a_resumed_item_notes_what_was_decided_before_the_crash_and_runs_show_says_where_it_resumed() throws Exception {
        seed();
        Path config = writeConfig(BEFORE, "AI routing");
        var crashed = OtaiChild.runOnce(config, "after-call@41", dir.resolve("crashed.log"));
        assertThat(crashed.code()).as(crashed.log()).isEqualTo(TestFault.EXIT_CODE);
        long movedBefore = fake.tickets().stream().filter(t -> BEFORE.contains(t.queue())).count();
        assertThat(movedBefore).as("tickets moved before the crash").isPositive();

        writeConfig(AFTER, "AI routing"); // the model answers differently now; the pipes are the same
        var resumed = OtaiChild.runOnce(config, null, dir.resolve("resumed.log"));
        assertThat(resumed.code()).as(resumed.log()).isZero();

        assertThat(fake.tickets()).hasSize(TICKETS).allSatisfy(this::notedWithItsQueue);
        assertThat(fake.tickets().stream().filter(t -> BEFORE.contains(t.queue())).count())
                .as("tickets routed by the answers recorded before the crash").isGreaterThanOrEqualTo(movedBefore);
        Matcher run = RESUMED.matcher(resumed.log());
        assertThat(run.find()).as(resumed.log()).isTrue();
        var shown = Cli.run("runs", "show", run.group(2), "--data-dir", dir.resolve("otai-data").toString());
        assertThat(shown.out()).as(shown.err()).contains("resumed run " + run.group(1) + " after the engine stopped mid-run: "
                + "continues run " + run.group(1) + ": ", " step results replayed");
    }

    @Test
    void a_run_whose_runner_changed_is_not_resumed_and_the_ledger_still_sends_no_write_twice() throws Exception {
        seed();
        Path config = writeConfig(BEFORE, "AI routing");
        var crashed = OtaiChild.runOnce(config, "after-intent@30", dir.resolve("crashed.log"));
        assertThat(crashed.code()).as(crashed.log()).isEqualTo(TestFault.EXIT_CODE);

        writeConfig(BEFORE, "Routing"); // the note step's params changed: another pipe tree
        var next = OtaiChild.runOnce(config, null, dir.resolve("next.log"));
        assertThat(next.code()).as(next.log()).isZero();

        Matcher discarded = NOT_RESUMED.matcher(next.log());
        assertThat(discarded.find()).as(next.log()).isTrue();
        assertThat(next.log()).doesNotContain("Resuming run");
        var shown = Cli.run("runs", "show", discarded.group(1), "--data-dir", dir.resolve("otai-data").toString());
        assertThat(shown.out()).as(shown.err()).contains("interrupted and not resumed: runner 'router' has other steps or params");
        assertThat(fake.tickets()).allSatisfy(t -> assertThat(t.addedArticles()).as("notes of ticket %s", t.id()).hasSizeLessThanOrEqualTo(1));
        assertThat(fake.tickets()).filteredOn(t -> t.queue().equals("Incoming")).isEmpty();
    }

    private void notedWithItsQueue(OtoboTicket ticket) {
        assertThat(ticket.queue()).as("queue of ticket %s", ticket.id()).isNotEqualTo("Incoming");
        assertThat(ticket.addedArticles()).as("notes of ticket %s", ticket.id()).singleElement()
                .satisfies(note -> assertThat(note.body()).isEqualTo("Queue " + ticket.queue()));
    }

    private void seed() {
        BEFORE.forEach(fake::queue);
        AFTER.forEach(fake::queue);
        for (int i = 1; i <= TICKETS; i++) {
            fake.addTicket("Ticket " + i, "Body of ticket " + i, "Incoming");
        }
    }

    private Path writeConfig(List<String> labels, String subject) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, CONFIG.replace("DATA_DIR", dir.resolve("otai-data").toString().replace("\\", "/"))
                .replace("BASE_URL", fake.baseUrl()).replace("PASSWORD", FakeOtobo.PASSWORD)
                .replace("LABELS", "[\"" + String.join("\", \"", labels) + "\"]").replace("SUBJECT", subject));
        return file;
    }
}
