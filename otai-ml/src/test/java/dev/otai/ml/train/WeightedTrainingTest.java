package dev.otai.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.classify.ClassificationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-record weights: a correction a person made can count more than the older records that contradict it. */
class WeightedTrainingTest {

    private static final String DISPUTED = "Docking station for the new laptop billed twice";

    @TempDir
    Path dir;

    @Test
    void a_heavier_correction_outweighs_two_older_copies_of_the_same_text() throws Exception {
        assertThat(labelOfDisputed(ModelKind.TFIDF_SVM, 1)).isEqualTo("Hardware");
        assertThat(labelOfDisputed(ModelKind.TFIDF_SVM, 6)).isEqualTo("Billing");
        assertThat(labelOfDisputed(ModelKind.TFIDF_LOGREG, 1)).isEqualTo("Hardware");
        assertThat(labelOfDisputed(ModelKind.TFIDF_LOGREG, 6)).isEqualTo("Billing");
    }

    @Test
    void a_weight_of_zero_or_less_is_refused_with_the_record_and_the_value() {
        assertThatThrownBy(() -> new LabelledText("#7", "text", "IT", "", 0))
                .hasMessage("record #7 had weight 0.0; expected a finite number above 0");
    }

    private String labelOfDisputed(ModelKind kind, double correctionWeight) throws Exception {
        var data = new ArrayList<LabelledText>();
        String[] billing = {"Invoice charged twice, please refund", "Rechnung doppelt abgebucht, bitte Gutschrift",
                "Wrong amount on the invoice for our licenses", "Mahnung erhalten obwohl die Rechnung bezahlt ist"};
        String[] hardware = {"My laptop does not turn on since this morning", "The monitor flickers and shows stripes",
                "Der Drucker hat Papierstau", "Akku vom Notebook nach einer Stunde leer"};
        for (String text : billing) {
            data.add(new LabelledText("b" + data.size(), text, "Billing"));
        }
        for (String text : hardware) {
            data.add(new LabelledText("h" + data.size(), text, "Hardware"));
        }
        data.add(new LabelledText("old1", DISPUTED, "Hardware"));
        data.add(new LabelledText("old2", DISPUTED, "Hardware"));
        data.add(new LabelledText("corrected", DISPUTED, "Billing", "", correctionWeight));
        Path out = dir.resolve(kind.id() + "-" + correctionWeight);
        var options = new ModelTrainer.Options(kind, List.of("subject", "body"), "queue", "test", 0, 2, 5, 0, null,
                false, 1);
        ModelTrainer.train(data, options, out);
        try (ModelDirectory.Loaded loaded = ModelDirectory.load(out, 0)) {
            return loaded.classifier().classify(new ClassificationRequest(DISPUTED, "", null)).label();
        }
    }
}
