package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tickets whose text carries terminal control sequences (screen clearing, cursor moves, a window title, a one-byte
 * CSI, bidi overrides) are printed by every command with those characters as visible escapes, never raw.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTerminalTextTest {

    /** What a terminal would act on: C0 controls but newline and tab, DEL, C1, bidi marks, embeddings and isolates. */
    private static final Pattern TERMINAL_CONTROL =
            Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    /** In JSON: a title and clear-screen in the subject, cursor tricks, a C1 CSI and a bidi override in the body. */
    private static final String HOSTILE_TICKET = "{\"id\": \"T-1\", "
            + "\"subject\": \"\\u001b]0;owned\\u0007\\u001b[2JRefund\", "
            + "\"body\": \"line one\\r\\u001b[1A\\u001b[2Kfake line\\n\\u009b31mred\\u009b0m invoice_\\u202efdp.exe\", "
            + "\"queue\": \"IT\\u001b[5m\", \"priority\": \"high\", "
            + "\"notes\": [{\"body\": \"\\u001b[8mhidden\\u001b[0m note\", \"visible_to_customer\": false}]}\n";

    @TempDir
    Path dir;

    private String data() {
        return dir.resolve("data").toString();
    }

    @BeforeEach
    void importHostileTicket() throws Exception {
        Path file = Files.writeString(dir.resolve("hostile.jsonl"), HOSTILE_TICKET);
        Cli.Outcome imported = Cli.run("tickets", "import", file.toString(), "--data-dir", data());
        assertThat(imported.code()).as(imported.err()).isZero();
    }

    private static void assertTerminalSafe(Cli.Outcome outcome) {
        assertThat(outcome.out()).doesNotContainPattern(TERMINAL_CONTROL);
        assertThat(outcome.err()).doesNotContainPattern(TERMINAL_CONTROL);
    }

    @Test
    void tickets_show_prints_every_control_sequence_as_a_visible_escape() {
        Cli.Outcome shown = Cli.run("tickets", "show", "T-1", "--data-dir", data());

        assertThat(shown.code()).isZero();
        assertTerminalSafe(shown);
        assertThat(shown.out()).contains("Ticket T-1: \\u001b]0;owned\\u0007\\u001b[2JRefund\n")
                .contains("queue IT\\u001b[5m, priority high")
                .contains("line one\\u000d\\u001b[1A\\u001b[2Kfake line\n\\u009b31mred\\u009b0m invoice_\\u202efdp.exe\n")
                .contains("\\u001b[8mhidden\\u001b[0m note");
    }

    @Test
    void tickets_list_keeps_each_ticket_on_one_line_with_its_escapes_visible() {
        Cli.Outcome listed = Cli.run("tickets", "list", "--data-dir", data());

        assertThat(listed.code()).isZero();
        assertTerminalSafe(listed);
        assertThat(listed.out().lines()).hasSize(3).element(1).asString()
                .startsWith("T-1 ").contains("IT\\u001b[5m").endsWith("\\u001b]0;owned\\u0007\\u001b[2JRefund");
    }

    @Test
    void tickets_export_to_a_terminal_is_escaped_and_still_reimports_exactly() throws Exception {
        Cli.Outcome exported = Cli.run("tickets", "export", "--data-dir", data());
        assertTerminalSafe(exported);
        assertThat(exported.out()).contains("\\u009b31m").contains("\\u202efdp.exe");

        Path again = Files.writeString(dir.resolve("again.jsonl"), exported.out());
        String otherData = dir.resolve("other").toString();
        assertThat(Cli.run("tickets", "import", again.toString(), "--data-dir", otherData).code()).isZero();

        assertThat(Cli.run("tickets", "export", "--data-dir", otherData).out()).isEqualTo(exported.out());
        assertThat(Cli.run("tickets", "show", "T-1", "--data-dir", otherData).out())
                .isEqualTo(Cli.run("tickets", "show", "T-1", "--data-dir", data()).out());
    }

    @Test
    void a_run_and_its_history_print_fetched_ticket_text_escaped() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yml"), """
                open_ticket_ai:
                  infrastructure:
                    storage: { data_dir: "%s" }
                  services:
                    desk: { use: "local:LocalTicketSystem" }
                  orchestrator:
                    runners:
                      - id: look
                        run:
                          id: fetch
                          use: "base:FetchTicketsPipe"
                          injects: { ticket_system: desk }
                          params: { ticket_search_criteria: { queue: { name: "IT\\e[5m" }, limit: 5 } }
                """.formatted(data().replace("\\", "/")));

        Cli.Outcome run = Cli.run("run", "--once", "--config", config.toString());
        Cli.Outcome runs = Cli.run("runs", "--config", config.toString());
        String runId = runs.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        Cli.Outcome history = Cli.run("runs", "show", runId, "--config", config.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertTerminalSafe(run);
        assertTerminalSafe(runs);
        assertTerminalSafe(history);
        assertThat(history.out()).contains("\\u009b31mred").contains("\\u202efdp.exe");
    }
}
