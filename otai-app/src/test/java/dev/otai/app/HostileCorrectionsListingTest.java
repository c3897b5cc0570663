package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ticket text and queue names come from the helpdesk: in {@code otai model corrections} their terminal controls are
 * printed as visible escapes, HTML stays inert text, and {@code --json} reads back to exactly what the helpdesk holds.
 */
class HostileCorrectionsListingTest {

    private static final String SUBJECT = "Printer \u001b]0;owned\u0007 <script>alert(1)</script> \u009b2J \u202eevil";
    private static final String QUEUE = "Billing\u001b[2J";

    @TempDir
    Path dir;

    @Test
    void controls_in_subjects_and_queue_names_are_escaped_and_json_reads_back_exactly() throws Exception {
        RoutedDesk desk = RoutedDesk.routed(dir, """
                {"id": "T-1", "subject": "Printer \\u001b]0;owned\\u0007 <script>alert(1)</script> \\u009b2J \\u202eevil", "body": "", "queue": "x"}
                {"id": "T-2", "subject": "Invoice twice", "body": "", "queue": "x"}
                """);
        desk.personMoves("T-1", QUEUE);

        Cli.Outcome table = Cli.run("model", "corrections", "--from-service", "desk", "--config", desk.config().toString());
        Cli.Outcome json = Cli.run("model", "corrections", "--from-service", "desk", "--config", desk.config().toString(),
                "--json");

        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e")
                .contains("Printer \\u001b]0;owned\\u0007 <script>alert(1)</script> \\u009b2J \\u202eevil")
                .contains("Billing\\u001b[2J");
        assertThat(json.out()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = new ObjectMapper().readValue(json.out().strip(), Map.class);
        assertThat(listed).containsEntry("subject", SUBJECT).containsEntry("person_label", QUEUE)
                .containsEntry("otai_label", "IT");
    }
}
