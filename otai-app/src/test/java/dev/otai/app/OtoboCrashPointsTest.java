package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.store.TestFault;
import dev.otai.testkit.http.RecordedRequest;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Halts real {@code otai run --once} processes (as SIGKILL does: no shutdown hooks, no flush) at 20 different
 * points of a for-each over 100 tickets on a fake OTOBO server that outlives them (classify, move to the queue,
 * note the queue; parallelism 4): between a write's durable intent and the helpdesk call, between the call and
 * its settlement, after the settlement, after a step's result was recorded. Each chain crashes five times, each
 * restart resuming the run the crash interrupted, then runs once more without a fault. Every time: every ticket
 * is in its queue, with exactly one note that names it, and the helpdesk received exactly one move and one note
 * per ticket.
 */
@ExtendWith(ReapChildProcesses.class)
class OtoboCrashPointsTest {

    private static final int TICKETS = 100;
    private static final Pattern RESUMED = Pattern.compile("Resuming run (\\w+) of runner 'router' as run (\\w+)");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "crashes at {0}")
    @ValueSource(strings = {
            "after-intent@7 after-call@20 after-settle@30 after-step@40 after-intent@25",
            "after-step@1 after-step@2 after-call@1 after-intent@1 after-settle@1",
            "after-intent@60 after-call@45 after-step@50 after-settle@15 after-intent@3",
            "after-call@50 after-step@60 after-intent@20 after-settle@25 after-call@9"})
    void every_ticket_is_routed_with_one_note_and_no_write_is_sent_twice_however_often_the_engine_dies(String faults)
            throws Exception {
        try (var fake = new FakeOtobo()) {
            OtoboRouting.seed(fake, TICKETS);
            Path config = OtoboRouting.write(dir, fake, OtoboRouting.config(OtoboRouting.LABELS, "AI routing", true));
            var logs = new ArrayList<String>();
            for (String fault : faults.split(" ")) {
                var child = OtaiChild.runOnce(config, fault, dir.resolve("child-" + logs.size() + ".log"));
                logs.add(child.log());
                assertThat(child.code()).as("the process halted at %s; log:%n%s", fault, child.log()).isEqualTo(TestFault.EXIT_CODE);
            }
            var last = OtaiChild.runOnce(config, null, dir.resolve("last.log"));
            assertThat(last.code()).as(last.log()).isZero();
            logs.add(last.log());

            assertThat(fake.tickets()).hasSize(TICKETS).allSatisfy(this::routedWithOneNote);
            assertThat(writesPerTicket(fake)).as("writes the helpdesk received, per ticket")
                    .hasSize(TICKETS).allSatisfy((ticket, writes) -> assertThat(writes).containsExactlyInAnyOrder("move", "note"));
            assertResumedRunIsShown(String.join("\n", logs));
        }
    }

    /** One resumed run, as {@code otai runs show} prints it: the run it continued and where. */
    private void assertResumedRunIsShown(String logs) {
        Matcher resumed = RESUMED.matcher(logs);
        assertThat(resumed.find()).as("a run was resumed; logs:%n%s", logs).isTrue();
        var shown = Cli.run("runs", "show", resumed.group(2), "--data-dir", dir.resolve("otai-data").toString());
        assertThat(shown.code()).as("%s%nlogs:%n%s", shown.err(), logs).isZero();
        assertThat(shown.out()).contains("resumed run " + resumed.group(1) + " after the engine stopped mid-run: continues run "
                + resumed.group(1) + ": ");
        var old = Cli.run("runs", "show", resumed.group(1), "--data-dir", dir.resolve("otai-data").toString());
        assertThat(old.out()).contains("abandoned", "resumed as run " + resumed.group(2));
    }

    private void routedWithOneNote(OtoboTicket ticket) {
        String queue = OtoboRouting.expectedQueue(ticket.title(), ticket.articles().getFirst().body());
        assertThat(ticket.queue()).as("queue of ticket %s", ticket.id()).isEqualTo(queue);
        assertThat(ticket.addedArticles()).as("notes of ticket %s", ticket.id()).singleElement()
                .satisfies(note -> assertThat(note.body()).isEqualTo("Queue " + queue));
    }

    /** Each successful TicketUpdate, by ticket: {@code move} for a queue change, {@code note} for an article. */
    private Map<String, List<String>> writesPerTicket(FakeOtobo fake) {
        return fake.requests().stream()
                .filter(r -> r.path().endsWith("/ticket-update") && r.status() == 200)
                .map(this::body)
                .collect(Collectors.groupingBy(b -> String.valueOf(b.get("TicketID")),
                        Collectors.mapping(b -> b.containsKey("Article") ? "note" : "move", Collectors.toList())));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(RecordedRequest request) {
        try {
            return json.readValue(request.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
