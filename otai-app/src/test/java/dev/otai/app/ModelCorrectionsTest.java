package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.ml.train.ModelDirectory;
import dev.otai.testkit.StubClassifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections through the real engine and store: tickets otai routed and a person then moved are listed by
 * {@code otai model corrections} and learnt from, weighted, by {@code otai model train --from-service}.
 */
class ModelCorrectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISPUTED = "Printer toner order for the office";
    /** Three identical printer tickets (one a person will move to Billing), more printer and invoice tickets. */
    private static final String TICKETS = """
            {"id": "T-1", "subject": "Printer toner order for the office", "body": "", "queue": "x"}
            {"id": "T-2", "subject": "Printer toner order for the office", "body": "", "queue": "x"}
            {"id": "T-3", "subject": "Printer toner order for the office", "body": "", "queue": "x"}
            {"id": "T-4", "subject": "Printer jams on floor 2", "body": "paper stuck", "queue": "x"}
            {"id": "T-5", "subject": "Printer shows error 42", "body": "cannot print", "queue": "x"}
            {"id": "T-6", "subject": "Invoice charged twice", "body": "please refund", "queue": "x"}
            {"id": "T-7", "subject": "Invoice has the wrong amount", "body": "licenses", "queue": "x"}
            {"id": "T-8", "subject": "Invoice address is outdated", "body": "we moved", "queue": "x"}
            {"id": "T-9", "subject": "Invoice for a laptop", "body": "the laptop itself is fine", "queue": "x"}
            """;

    @TempDir
    Path dir;

    @Test
    void corrections_lists_exactly_the_tickets_a_person_moved_with_both_labels_and_the_confidence() throws Exception {
        RoutedDesk desk = RoutedDesk.routed(dir, TICKETS);
        desk.personMoves("T-3", "Billing");
        desk.personMoves("T-9", "IT");
        desk.personMoves("T-6", "Billing"); // where otai routed it already: not a correction

        Cli.Outcome json = Cli.run("model", "corrections", "--from-service", "desk", "--config", desk.config().toString(),
                "--json");
        Cli.Outcome table = Cli.run("model", "corrections", "--from-service", "desk", "--config",
                desk.config().toString());

        assertThat(json.code()).as(json.err()).isZero();
        List<Map<String, Object>> listed = json.out().lines().map(RoutedJson::read).toList();
        assertThat(listed).extracting(m -> m.get("ticket_id"), m -> m.get("otai_label"), m -> m.get("person_label"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("T-3", "IT", "Billing"),
                        org.assertj.core.groups.Tuple.tuple("T-9", "Billing", "IT"));
        assertThat(listed).allSatisfy(m -> assertThat(m.get("routed_at").toString()).endsWith("Z"));
        // each ticket's own classification, not another ticket's of the same run and label
        assertThat(listed).extracting(m -> m.get("confidence")).containsExactlyInAnyOrder(
                confidenceOf("Printer toner order for the office "), confidenceOf("Invoice for a laptop the laptop itself is fine"));
        assertThat(confidenceOf("Invoice for a laptop the laptop itself is fine"))
                .isNotEqualTo(confidenceOf("Invoice charged twice please refund"));
        assertThat(table.out()).contains("2 corrections among the tickets otai routed (service 'desk')")
                .containsPattern("T-3 +IT +Billing +\\d+\\.\\d %");
    }

    @Test
    void train_from_service_counts_corrections_by_their_weight() throws Exception {
        RoutedDesk desk = RoutedDesk.routed(dir, TICKETS);
        desk.personMoves("T-3", "Billing");

        Cli.Outcome light = train(desk, "1", "light");
        Cli.Outcome heavy = train(desk, "8", "heavy");

        assertThat(light.code()).as(light.err()).isZero();
        assertThat(light.out()).contains("used 1 correction (tickets a person moved after otai routed them), weight 1.0");
        assertThat(heavy.out()).contains("used 1 correction").contains("weight 8.0");
        assertThat(labelOfDisputed(dir.resolve("light"))).isEqualTo("IT");
        assertThat(labelOfDisputed(dir.resolve("heavy"))).isEqualTo("Billing");
    }

    @Test
    void a_weight_of_zero_leaves_corrections_out() throws Exception {
        RoutedDesk desk = RoutedDesk.routed(dir, TICKETS);
        desk.personMoves("T-3", "Billing");

        Cli.Outcome none = train(desk, "0", "none");

        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).contains("used no corrections");
    }

    @Test
    void an_unknown_service_is_refused_with_the_closest_id() throws Exception {
        RoutedDesk desk = RoutedDesk.routed(dir, TICKETS);

        Cli.Outcome outcome = Cli.run("model", "corrections", "--from-service", "dsk", "--config", desk.config().toString());

        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("--from-service was 'dsk', which is not a service of the config; "
                + "expected the id of a ticket system service of " + desk.config() + " (its ticket systems: desk); "
                + "did you mean 'desk'?");
    }

    @Test
    void a_service_that_is_not_a_ticket_system_is_refused() throws Exception {
        RoutedDesk desk = RoutedDesk.routed(dir, TICKETS);

        Cli.Outcome outcome = Cli.run("model", "corrections", "--from-service", "queue_model", "--config",
                desk.config().toString());

        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("--from-service was 'queue_model', a StubClassifier, which is not a ticket system; "
                + "expected the id of a ticket system service");
    }

    @Test
    void an_unreachable_helpdesk_is_reported_with_the_service_and_without_its_password() throws Exception {
        RoutedDesk desk = RoutedDesk.routed(dir, TICKETS);
        int port;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Path config = dir.resolve("otobo.yml");
        Files.writeString(config, """
                open_ticket_ai:
                  infrastructure:
                    storage: { data_dir: "%s" }
                  services:
                    desk:
                      use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                      params: { base_url: "http://127.0.0.1:%d/otobo", password: "s3cret-Pa55word" }
                  orchestrator: { use: "base:SimpleSequentialOrchestrator", params: { steps: [] } }
                """.formatted(desk.dataDir().toString().replace("\\", "/"), port));

        Cli.Outcome outcome = Cli.run("model", "corrections", "--from-service", "desk", "--config", config.toString());

        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("otai model corrections: the helpdesk of service 'desk' could not be reached: ")
                .doesNotContain("s3cret-Pa55word");
    }

    private Cli.Outcome train(RoutedDesk desk, String weight, String out) {
        return Cli.run("model", "train", "--from-service", "desk", "--config", desk.config().toString(), "--queue", "IT",
                "--queue", "Billing", "--kind", "tfidf-svm", "--no-hybrid", "--correction-weight", weight,
                "--out", dir.resolve(out).toString());
    }

    private static double confidenceOf(String classifiedText) {
        return new StubClassifier(List.of("IT", "Billing"), Map.of("printer", "IT", "invoice", "Billing"))
                .classify(new ClassificationRequest(classifiedText, "", null)).confidence();
    }

    private static String labelOfDisputed(Path model) throws Exception {
        try (ModelDirectory.Loaded loaded = ModelDirectory.load(model, 0)) {
            return loaded.classifier().classify(new ClassificationRequest(DISPUTED, "", null)).label();
        }
    }

    /** Reads one line of {@code --json} output. */
    private static final class RoutedJson {
        @SuppressWarnings("unchecked")
        static Map<String, Object> read(String line) {
            try {
                return JSON.readValue(line, Map.class);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
    }
}
