package dev.otai.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.otai.api.classify.ClassificationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearTextModelTest {

    private static final List<String> TEXTS = List.of(
            "Invoice 4711 was charged twice, please refund", "Rechnung doppelt abgebucht, bitte Gutschrift",
            "Wrong amount on the invoice for our licenses", "Mahnung erhalten obwohl die Rechnung bezahlt ist",
            "My laptop does not turn on since this morning", "Der Drucker hat Papierstau und das Fach ist gebrochen",
            "The monitor flickers and shows stripes", "Akku vom Notebook nach einer Stunde leer",
            "VPN does not connect from home office", "Das WLAN im Büro bricht ständig ab",
            "Internet is extremely slow, websites time out", "Netzwerkdose am Platz ist tot");
    private static final List<String> LABELS = List.of("Billing", "Billing", "Billing", "Billing",
            "Hardware", "Hardware", "Hardware", "Hardware", "Network", "Network", "Network", "Network");

    @TempDir
    Path dir;

    private static LinearTraining.Result train(List<Settings> grid) throws Exception {
        return LinearTraining.train(TEXTS, LABELS, TextTerms.standard(), grid, false, null, false, 2);
    }

    @Test
    void svm_and_logistic_regression_label_unseen_paraphrases_of_their_training_texts() throws Exception {
        for (Loss loss : Loss.values()) {
            try (LinearTextModel model = train(List.of(new Settings(loss, 1, false))).model()) {
                assertThat(model.classify(request("invoice charged twice, refund please")).label()).as(loss.id())
                        .isEqualTo("Billing");
                assertThat(model.classify(request("Laptop startet nicht, Akku leer")).label()).as(loss.id())
                        .isEqualTo("Hardware");
                assertThat(model.classify(request("WLAN und VPN verbinden nicht")).label()).as(loss.id())
                        .isEqualTo("Network");
            }
        }
    }

    @Test
    void written_model_reads_back_with_the_same_labels_calibration_and_probabilities() throws Exception {
        LinearTextModel trained = train(List.of(new Settings(Loss.SVM, 1, false))).model();
        trained.write(dir.resolve("model.linear"));

        try (LinearTextModel read = LinearTextModel.read(dir.resolve("model.linear"), 0)) {
            assertThat(read.labels()).containsExactly("Billing", "Hardware", "Network");
            assertThat(read.calibration()).isEqualTo(trained.calibration());
            assertThat(read.features()).isEqualTo(trained.features());
            List<String> probe = List.of("printer broken", "refund the invoice", "wifi slow");
            double[][] expected = trained.probabilities(probe);
            double[][] actual = read.probabilities(probe);
            for (int i = 0; i < probe.size(); i++) {
                assertThat(actual[i]).containsExactly(expected[i], within(1e-12));
            }
        }
    }

    @Test
    void auto_grid_reports_every_candidate_and_chooses_the_most_accurate() throws Exception {
        LinearTraining.Result result = train(LinearTraining.autoGrid());

        assertThat(result.candidates()).extracting(LinearTraining.Candidate::settings)
                .containsExactlyElementsOf(LinearTraining.autoGrid());
        double best = result.candidates().stream().mapToDouble(LinearTraining.Candidate::accuracy).max().orElseThrow();
        assertThat(result.chosen().accuracy()).isEqualTo(best);
        assertThat(result.folds()).isEqualTo(4);
        assertThat(result.cvRecords()).isEqualTo(12);
    }

    @Test
    void probabilities_sum_to_one_and_a_text_with_no_known_term_is_uniform() throws Exception {
        try (LinearTextModel model = train(List.of(new Settings(Loss.LOGREG, 10, false))).model()) {
            double[][] p = model.probabilities(List.of("Rechnung", "zzqx", ""));

            assertThat(p[0][0] + p[0][1] + p[0][2]).isCloseTo(1.0, within(1e-9));
            assertThat(p[0][0]).isGreaterThan(p[0][1]);
            assertThat(p[1]).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-12));
            assertThat(p[2]).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-12));
        }
    }

    @Test
    void balanced_weights_let_a_small_label_win_its_own_texts() throws Exception {
        var texts = new ArrayList<String>();
        var labels = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            texts.add("please reset my password account " + i);
            labels.add("Access");
        }
        texts.addAll(List.of("invoice refund please", "invoice wrong amount", "refund the invoice"));
        labels.addAll(List.of("Billing", "Billing", "Billing"));
        try (LinearTextModel model = LinearTraining.train(texts, labels, TextTerms.standard(),
                List.of(new Settings(Loss.SVM, 0.1, true)), false, null, false, 1).model()) {
            assertThat(model.classify(request("invoice amount refund")).label()).isEqualTo("Billing");
        }
    }

    private static ClassificationRequest request(String text) {
        return new ClassificationRequest(text, "", null);
    }
}
