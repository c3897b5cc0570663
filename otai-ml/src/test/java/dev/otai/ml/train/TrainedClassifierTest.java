package dev.otai.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.classify.ClassificationRequest;
import dev.otai.ml.SampleTickets;
import dev.otai.ml.limit.LimitedClassifier;
import dev.otai.testkit.StandaloneSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedClassifierTest {

    private static final List<String> FIELDS = List.of("subject", "body");

    @TempDir
    static Path trained;

    @TempDir
    Path tmp;

    private static ModelMetadata model;

    @BeforeAll
    static void train_once() throws Exception {
        model = trainNgrams(trained);
    }

    private static ModelMetadata trainNgrams(Path out) throws Exception {
        List<LabelledText> train = TicketData.read(SampleTickets.file(), FIELDS, "queue", Split.TRAIN);
        var options = new ModelTrainer.Options(ModelKind.NGRAM_LOGREG, FIELDS, "queue", "tickets.jsonl", 0, 2, 0, 10);
        return ModelTrainer.train(train, options, out);
    }

    @Test
    void ngram_model_labels_held_back_sample_tickets_with_at_least_85_percent_accuracy() throws Exception {
        try (ModelDirectory.Loaded model = ModelDirectory.load(trained, 0)) {
            Evaluation evaluation = Evaluation.of(model.classifier(),
                    TicketData.read(SampleTickets.file(), FIELDS, "queue", Split.TEST));

            assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.85);
            assertThat(evaluation.macroF1()).isGreaterThanOrEqualTo(0.85);
            assertThat(evaluation.report()).contains("accuracy:", "macro-F1:", "confusion matrix", "Shipping");
        }
    }

    @Test
    void model_directory_keeps_labels_features_training_date_and_data_hash() throws Exception {
        ModelMetadata read = ModelDirectory.metadata(trained);

        assertThat(read).isEqualTo(model);
        assertThat(read.labels()).containsExactly("Billing", "Facilities", "HR", "IT", "Sales", "Shipping");
        assertThat(read.records()).isEqualTo(576);
        assertThat(read.features()).isGreaterThan(1000);
        assertThat(read.dataSha256()).hasSize(64).isEqualTo(ModelTrainer.sha256(
                TicketData.read(SampleTickets.file(), FIELDS, "queue", Split.TRAIN)));
        assertThat(read.trainedAt()).isNotBlank();
        assertThat(trained.resolve("model.tribuo")).exists();
    }

    @Test
    void service_serves_a_trained_model_directory_behind_a_concurrency_limit() throws Exception {
        var setup = StandaloneSetup.of(TrainedClassifierService.TYPE, "queues",
                Map.of("model_dir", trained.toString(), "max_concurrency", 3L));

        try (var service = (LimitedClassifier) TrainedClassifierService.create(setup)) {
            var result = service.classify(new ClassificationRequest(
                    "Rechnung doppelt bezahlt\n\nUns wurde der Betrag zweimal abgebucht, bitte erstatten.", "", null));

            assertThat(result.label()).isEqualTo("Billing");
            assertThat(result.scores()).hasSize(6);
            assertThat(service.limit()).isEqualTo(3);
        }
    }

    @Test
    void text_with_no_known_word_gets_uniform_scores() throws Exception {
        try (ModelDirectory.Loaded model = ModelDirectory.load(trained, 0)) {
            var result = model.classifier().classify(new ClassificationRequest("zzzz qqqq", "", null));

            assertThat(result.confidence()).isCloseTo(1.0 / 6, Assertions.within(1e-9));
        }
    }

    @Test
    void missing_model_directory_is_reported_with_the_service_and_path() {
        var setup = StandaloneSetup.of(TrainedClassifierService.TYPE, "queues", Map.of("model_dir", "no/such/dir"));

        assertThatThrownBy(() -> TrainedClassifierService.create(setup))
                .hasMessageContaining("service 'queues' (ml:TrainedClassifierService): param 'model_dir' was \"no/such/dir\"")
                .hasMessageContaining("expected an existing directory");
    }

    @Test
    void csv_with_quoted_commas_and_line_breaks_is_read() throws Exception {
        Path csv = tmp.resolve("tickets.csv");
        Files.writeString(csv, "id,subject,body,queue\n1,\"Printer, floor 3\",\"It jams.\nSays \"\"paper\"\"\",IT\n"
                + "2,Invoice,wrong amount,Billing\n");

        List<LabelledText> records = TicketData.read(csv, FIELDS, "queue", Split.ALL);

        assertThat(records).containsExactly(new LabelledText("1", "Printer, floor 3\n\nIt jams.\nSays \"paper\"", "IT"),
                new LabelledText("2", "Invoice\n\nwrong amount", "Billing"));
    }

    @Test
    void record_without_the_label_field_names_file_record_and_fields() throws Exception {
        Path jsonl = tmp.resolve("t.jsonl");
        Files.writeString(jsonl, "{\"subject\": \"a\", \"body\": \"b\", \"queue\": \"IT\"}\n{\"subject\": \"a\", \"body\": \"b\"}\n");

        assertThatThrownBy(() -> TicketData.read(jsonl, FIELDS, "queue", Split.ALL))
                .hasMessageContaining("record 2 has no field 'queue'").hasMessageContaining("[subject, body]");
    }
}
