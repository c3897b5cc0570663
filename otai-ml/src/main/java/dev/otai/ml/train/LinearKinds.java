package dev.otai.ml.train;

import dev.otai.ml.embed.SentenceEmbedder;
import dev.otai.ml.linear.LinearTextModel;
import dev.otai.ml.linear.LinearTraining;
import dev.otai.ml.linear.Loss;
import dev.otai.ml.linear.Settings;
import dev.otai.ml.linear.TextTerms;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Trains the TF-IDF kinds ({@code auto}, {@code tfidf-svm}, {@code tfidf-logreg}) into a model directory. */
final class LinearKinds {

    static final String MODEL_FILE = "model.linear";
    /** The C of each loss when the kind is given and {@code --c} is not: the middle of the auto grid. */
    private static final double SVM_C = 1;
    private static final double LOGREG_C = 10;

    private LinearKinds() {
    }

    static ModelMetadata train(List<LabelledText> data, List<String> labels, ModelTrainer.Options options, Path out)
            throws Exception {
        var terms = new TextTerms(options.ngrams(), 2, options.charNgrams());
        boolean auto = options.kind() == ModelKind.AUTO;
        boolean hybrid = options.hybrid() != null ? options.hybrid() : auto;
        List<Settings> grid = auto ? LinearTraining.autoGrid() : List.of(given(options, hybrid));
        boolean tryHybrid = auto && hybrid;
        boolean embed = grid.stream().anyMatch(Settings::hybrid)
                || tryHybrid && data.size() <= LinearTraining.MAX_HYBRID_RECORDS;
        LinearTraining.Result result;
        try (SentenceEmbedder embedder = embed ? SentenceEmbedder.miniLm(0) : null) {
            double[] weights = data.stream().allMatch(t -> t.weight() == 1) ? null
                    : data.stream().mapToDouble(LabelledText::weight).toArray();
            result = LinearTraining.train(data.stream().map(LabelledText::text).toList(),
                    data.stream().map(LabelledText::label).toList(), weights, terms, grid, auto, embedder, tryHybrid,
                    options.threads());
            result.model().write(out.resolve(MODEL_FILE));
        }
        LinearTextModel model = result.model();
        Settings chosen = result.chosen().settings();
        var selection = new ModelMetadata.Selection(auto, chosen.loss().id(), chosen.c(), chosen.balanced(),
                chosen.hybrid(),
                result.folds(), result.cvRecords(), result.chosen().accuracy(), model.calibration().floor(),
                result.candidates().stream().map(c -> new ModelMetadata.Tried(c.settings().toString(), c.accuracy(),
                        c.logLoss())).toList());
        String kind = chosen.loss() == Loss.SVM ? ModelKind.TFIDF_SVM.id() : ModelKind.TFIDF_LOGREG.id();
        var metadata = new ModelMetadata(kind, labels, options.textFields(), options.labelField(), model.features(),
                options.ngrams(), options.charNgrams(), 0, model.calibration().temperature(), Instant.now().toString(),
                options.dataFile(), ModelTrainer.sha256(data), data.size(), ModelMetadata.FORMAT, selection);
        return ModelTrainer.write(metadata, out);
    }

    private static Settings given(ModelTrainer.Options options, boolean hybrid) {
        boolean svm = options.kind() == ModelKind.TFIDF_SVM;
        double c = options.c() != null ? options.c() : svm ? SVM_C : LOGREG_C;
        return new Settings(svm ? Loss.SVM : Loss.LOGREG, c, false, hybrid);
    }
}
