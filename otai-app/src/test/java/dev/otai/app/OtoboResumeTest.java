package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.store.TestFault;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
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

    private Path writeConfig(List<String> labels, String noteSubject) throws IOException {
        return OtoboRouting.write(dir, fake, OtoboRouting.config(labels, noteSubject, true));
    }
}
