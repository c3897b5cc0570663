package dev.otai.ml.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.ml.EvalSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default model ({@code --kind auto}) on each evaluation set of the repository: at least as accurate as
 * scikit-learn's TF-IDF + LinearSVC on the same split (recorded in data/eval-sets/sklearn-baseline.tsv by
 * bench/sklearn-baseline.py), with an expected calibration error of at most 0.05 on the held-back part.
 *
 * <p>Each set trains the hybrid candidates too, which embeds every ticket with MiniLM: the long set takes over a
 * minute on a busy two-core machine, hence a timeout above the build's default.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HeldBackSetsTest {

    private static final List<String> FIELDS = List.of("subject", "body");

    @TempDir
    Path model;

    static Stream<String> sets() throws Exception {
        return EvalSets.sets().stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("sets")
    void default_model_is_at_least_as_accurate_as_sklearn_and_calibrated_on_the_held_back_split(String name)
            throws Exception {
        Path set = EvalSets.root().resolve(name);
        List<LabelledText> train = TicketData.read(set.resolve("train.jsonl"), FIELDS, "queue", Split.ALL);
        List<LabelledText> test = TicketData.read(set.resolve("test.jsonl"), FIELDS, "queue", Split.ALL);
        var options = new ModelTrainer.Options(ModelKind.AUTO, FIELDS, "queue", "train.jsonl", 0, 2, 5, 0, null, null, 2);
        ModelMetadata metadata = ModelTrainer.train(train, options, model);

        try (ModelDirectory.Loaded loaded = ModelDirectory.load(model, 0)) {
            Evaluation evaluation = Evaluation.of(loaded.classifier(), test);

            String chosen = name + " (chose " + metadata.selection() + ")";
            var softly = new SoftAssertions();
            softly.assertThat(evaluation.accuracy()).as("accuracy on " + chosen)
                    .isGreaterThanOrEqualTo(sklearnAccuracy(name));
            softly.assertThat(evaluation.reliability().expectedCalibrationError()).as("ECE on " + chosen)
                    .isLessThanOrEqualTo(0.05);
            softly.assertAll();
        }
    }

    private static double sklearnAccuracy(String set) throws Exception {
        Map<String, Double> svc = new HashMap<>();
        for (String line : Files.readAllLines(EvalSets.root().resolve("sklearn-baseline.tsv"))) {
            String[] cells = line.split("\t");
            if (cells.length >= 3 && cells[1].equals("sklearn-svc")) {
                svc.put(cells[0], Double.parseDouble(cells[2]));
            }
        }
        assertThat(svc).as("sklearn-svc rows in data/eval-sets/sklearn-baseline.tsv").containsKey(set);
        return svc.get(set);
    }
}
