package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.Ticket;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code otai model train} and {@code eval} on the sample tickets, and the trained model routing a ticket. */
class ModelCommandTest {

    @TempDir
    static Path model;

    static Path data;

    record Run(int exit, String out, String err) {
    }

    static Run otai(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void train() {
        for (Path dir = Path.of("").toAbsolutePath(); data == null && dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("data/sample-tickets/tickets.jsonl"))) {
                data = dir.resolve("data/sample-tickets/tickets.jsonl");
            }
        }
        Run run = otai("model", "train", "--data", data.toString(), "--text", "subject,body", "--label", "queue",
                "--split", "train", "--out", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("cross-validated accuracy", "calibration: temperature")
                .containsPattern("trained tfidf-(svm|logreg) on 576 records \\(6 labels");
    }

    @Test
    void eval_prints_accuracy_macro_f1_calibration_thresholds_per_label_precision_recall_and_confusion_matrix() {
        Run run = otai("model", "eval", "--model", model.toString(), "--data", data.toString(), "--split", "test");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("records:          144", "accuracy:", "macro-F1:", "precision  recall",
                "calibration error (ECE, 10 bins):", "threshold  routed  coverage  accuracy of routed", "0.8  ",
                "confusion matrix (rows: true label, columns: predicted)", "Facilities");
        double accuracy = Double.parseDouble(run.out().replaceAll("(?s).*accuracy:\\s+([0-9.]+).*", "$1"));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void missing_data_file_is_one_line_on_stderr_with_exit_code_2() {
        Run run = otai("model", "eval", "--model", model.toString(), "--data", "no-such.jsonl");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("otai model eval: file no-such.jsonl does not exist");
    }

    @Test
    void trained_model_routes_a_ticket_through_the_classification_pipe() throws Exception {
        String yaml = """
                open_ticket_ai:
                  services:
                    tickets: { use: "testkit:InMemoryTicketSystem" }
                    queues:
                      use: "ml:TrainedClassifierService"
                      params: { model_dir: "%s", max_concurrency: 1 }
                  orchestrator:
                    use: "base:SimpleSequentialOrchestrator"
                    params:
                      steps:
                        - id: route
                          use: "base:SimpleSequentialRunner"
                          params:
                            run:
                              id: flow
                              use: "base:CompositePipe"
                              params:
                                steps:
                                  - id: ticket
                                    use: "base:GetTicketPipe"
                                    injects: { ticket_system: "tickets" }
                                    params: { ticket_id: "1" }
                                  - id: classify
                                    use: "base:ClassificationPipe"
                                    injects: { classification_service: "queues" }
                                    params:
                                      text: "{{ get_pipe_result('ticket','ticket')['subject'] }} {{ get_pipe_result('ticket','ticket')['body'] }}"
                                      model_name: "queues"
                                      threshold: 0.3
                                      fallback_label: "Unclassified"
                                      labels: { Billing: "Accounting::Invoices" }
                                  - id: move
                                    use: "base:UpdateTicketPipe"
                                    injects: { ticket_system: "tickets" }
                                    params:
                                      ticket_id: "1"
                                      updated_ticket: { queue: { name: "{{ get_pipe_result('classify','label') }}" } }
                """.formatted(model.toString().replace("\\", "/"));
        var templates = new TemplateEngine();
        ConfigCheck.Result check = ConfigCheck.text(yaml, "config.yml", Map.of(),
                PluginRegistry.discover(getClass().getClassLoader()), templates);
        assertThat(check.problems()).isEmpty();

        try (Engine engine = Engine.start(check.blueprint().orElseThrow(), templates, new FakeClock(), new Lifecycle(),
                EngineListener.NONE)) {
            var tickets = (InMemoryTicketSystem) engine.assembly().services().get("tickets");
            tickets.add("1", "Doppelt abgebucht", "Meine Kreditkarte wurde für dieselbe Bestellung zweimal belastet. "
                    + "Bitte erstattet den Betrag.", "Inbox");

            var outcome = engine.runOnce().getFirst();

            assertThat(outcome.result().succeeded()).as(outcome.result().message()).isTrue();
            Ticket routed = tickets.ticket("1");
            assertThat(routed.queue().name()).isEqualTo("Accounting::Invoices");
        }
    }

    @Test
    void train_from_a_configured_helpdesk_reads_the_given_queues(@TempDir Path dir) throws Exception {
        var tickets = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            boolean it = i % 2 == 0;
            tickets.append("        - { id: \"").append(i).append("\", title: \"")
                    .append(it ? "Printer broken " + i : "Invoice wrong " + i).append("\", body: \"")
                    .append(it ? "The printer on floor " + i + " jams" : "Invoice " + i + " was charged twice")
                    .append("\", queue: \"").append(it ? "IT" : "Billing").append("\" }\n");
        }
        tickets.append("        - { id: \"99\", title: \"Hello\", body: \"other queue\", queue: \"Spam\" }\n");
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                open_ticket_ai:
                  services:
                    helpdesk:
                      use: "testkit:InMemoryTicketSystem"
                      params:
                        tickets:
                %s  orchestrator:
                    use: "base:SimpleSequentialOrchestrator"
                    params: { steps: [] }
                """.formatted(tickets));

        Run run = otai("model", "train", "--config", config.toString(), "--from-service", "helpdesk", "--queue", "IT",
                "--queue", "Billing", "--out", dir.resolve("model").toString(), "--export", dir.resolve("t.jsonl").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("trained tfidf-(svm|logreg) on 12 records \\(2 labels");
        assertThat(Files.readAllLines(dir.resolve("t.jsonl"))).hasSize(12).allMatch(line -> !line.contains("Spam"));
        Run eval = otai("model", "eval", "--model", dir.resolve("model").toString(), "--data", dir.resolve("t.jsonl").toString());
        assertThat(eval.out()).contains("accuracy:         1.0000");
    }

    @Test
    void from_service_naming_no_ticket_system_lists_the_services(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                open_ticket_ai:
                  services:
                    helpdesk: { use: "testkit:InMemoryTicketSystem" }
                  orchestrator: { use: "base:SimpleSequentialOrchestrator", params: { steps: [] } }
                """);

        Run run = otai("model", "train", "--config", config.toString(), "--from-service", "zammad", "--queue", "IT",
                "--out", dir.resolve("model").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--from-service was 'zammad', which is not a service of the config; "
                + "expected the id of a ticket system service of " + config + " (its ticket systems: helpdesk)");
    }
}
