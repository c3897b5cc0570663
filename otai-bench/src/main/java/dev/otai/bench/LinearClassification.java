package dev.otai.bench;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.ModelDirectory;
import dev.otai.ml.train.ModelKind;
import dev.otai.ml.train.ModelTrainer;
import dev.otai.ml.train.Split;
import dev.otai.ml.train.TicketData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * µs per ticket classified by a TF-IDF model (words 1–2, characters 2–5) of each loss, trained on an evaluation
 * set's training part and loaded from its model directory as {@code ml:TrainedClassifierService} loads it; the
 * held-back tickets are classified in turn, one call each. Run from the repository root:
 * {@code java -jar otai-bench/target/benchmarks.jar LinearClassification}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LinearClassification {

    @Param({"mixed-en-de", "long"})
    public String set;

    @Param({"tfidf-svm", "tfidf-logreg"})
    public String kind;

    private ModelDirectory.Loaded model;
    private List<ClassificationRequest> tickets;
    private int next;

    @Setup
    public void setUp() throws Exception {
        Path dir = Path.of("data/eval-sets", set);
        List<LabelledText> train = TicketData.read(dir.resolve("train.jsonl"), ClassifierSubjects.FIELDS, "queue",
                Split.ALL);
        Path out = Files.createTempDirectory("otai-bench-linear");
        ModelTrainer.train(train, new ModelTrainer.Options(ModelKind.parse(kind), ClassifierSubjects.FIELDS, "queue",
                "train.jsonl", 0, 2, 5, 0, null, false, 1), out);
        model = ModelDirectory.load(out, 0);
        tickets = TicketData.read(dir.resolve("test.jsonl"), ClassifierSubjects.FIELDS, "queue", Split.ALL).stream()
                .map(t -> new ClassificationRequest(t.text(), "", null)).toList();
    }

    @Benchmark
    public Classification classifyOne() throws Exception {
        ClassificationRequest ticket = tickets.get(next);
        next = (next + 1) % tickets.size();
        return model.classifier().classify(ticket);
    }

    @TearDown
    public void tearDown() throws Exception {
        model.close();
    }
}
