package dev.otai.ml.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.SampleTickets;
import dev.otai.ml.limit.LimitedClassifier;
import dev.otai.ml.train.Evaluation;
import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.ModelDirectory;
import dev.otai.ml.train.ModelKind;
import dev.otai.ml.train.ModelTrainer;
import dev.otai.ml.train.Split;
import dev.otai.ml.train.TicketData;
import dev.otai.testkit.StandaloneSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The few-shot classifier with the real MiniLM model from the resource jar. */
class EmbeddingClassifierTest {

    @TempDir
    Path tmp;

    @Test
    void five_examples_per_label_label_held_back_sample_tickets_with_at_least_80_percent_accuracy() throws Exception {
        Path data = SampleTickets.file();
        var fields = List.of("subject", "body");
        List<LabelledText> train = TicketData.read(data, fields, "queue", Split.TRAIN, "language");
        var options = new ModelTrainer.Options(ModelKind.EMBEDDING_CENTROID, fields, "queue", "tickets.jsonl", 5, 0, 0, 0);
        ModelTrainer.train(train, options, tmp);

        try (ModelDirectory.Loaded model = ModelDirectory.load(tmp, 0)) {
            Evaluation evaluation = Evaluation.of(model.classifier(), TicketData.read(data, fields, "queue", Split.TEST));

            assertThat(model.metadata().records()).isEqualTo(30);
            assertThat(evaluation.total()).isEqualTo(144);
            assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.80);
        }
    }

    @Test
    void service_takes_labels_as_example_lists_descriptions_or_both() throws Exception {
        Map<String, Object> labels = Map.of(
                "IT", List.of("My laptop does not start", "The printer is jammed", "VPN connection keeps dropping"),
                "Billing", "Invoices, payments, refunds and wrong charges on the credit card",
                "HR", Map.of("description", "Vacation, payroll, sick leave and employment contracts",
                        "examples", List.of("I would like to request two weeks of vacation")));
        var setup = StandaloneSetup.of(EmbeddingClassifierService.TYPE, "few_shot", Map.of("labels", labels));
        try (var service = (LimitedClassifier) EmbeddingClassifierService.create(setup)) {
            Classifier classifier = service;

            var billing = classifier.classify(new ClassificationRequest("I was charged twice for my order", "", null));
            var hr = classifier.classify(new ClassificationRequest("Question about my salary slip for March", "", null));

            assertThat(billing.label()).isEqualTo("Billing");
            assertThat(hr.label()).isEqualTo("HR");
            assertThat(billing.scores()).hasSize(3);
            assertThat(billing.scores().stream().mapToDouble(s -> s.score()).sum()).isCloseTo(1.0,
                    Assertions.within(1e-9));
            assertThat(service.limit()).isEqualTo(2);
        }
    }

    @Test
    void label_without_examples_is_rejected_naming_the_service_and_label() {
        var setup = StandaloneSetup.of(EmbeddingClassifierService.TYPE, "few_shot",
                Map.of("labels", Map.of("IT", List.of("printer broken"), "Billing", List.of())));

        assertThatThrownBy(() -> EmbeddingClassifierService.create(setup))
                .hasMessageContaining("service 'few_shot' (ml:EmbeddingClassifierService): param 'labels.Billing' was []")
                .hasMessageContaining("expected a list of example texts");
    }
}
