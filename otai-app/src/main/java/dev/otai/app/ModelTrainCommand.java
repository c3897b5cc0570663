package dev.otai.app;

import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.ModelKind;
import dev.otai.ml.train.ModelMetadata;
import dev.otai.ml.train.ModelTrainer;
import dev.otai.ml.train.Split;
import dev.otai.ml.train.TicketData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otai model train}: trains a classifier and writes it with its metadata to a directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier on labelled tickets and write it to a model directory.")
final class ModelTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "labelled tickets: a .csv (with header) or .jsonl file")
    Path data;

    @Option(names = "--text", split = ",", defaultValue = "subject,body",
            description = "fields joined into the text (default: ${DEFAULT-VALUE})")
    List<String> text;

    @Option(names = "--label", defaultValue = "queue", description = "the field holding the label (default: ${DEFAULT-VALUE})")
    String label;

    @Option(names = "--out", required = true, description = "the model directory to write")
    Path out;

    @Option(names = "--kind", defaultValue = "ngram-logreg",
            description = "ngram-logreg, embedding-logreg or embedding-centroid (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--split", defaultValue = "all",
            description = "all, train (all but every 5th record) or test (every 5th record) (default: ${DEFAULT-VALUE})")
    Split split;

    @Option(names = "--examples-per-label", defaultValue = "5",
            description = "embedding-centroid: examples kept per label (default: ${DEFAULT-VALUE})")
    int examplesPerLabel;

    @Option(names = "--stratify", description = "embedding-centroid: a field (e.g. language) whose values the "
            + "examples of each label are spread over, round-robin")
    String stratify;

    @Option(names = "--ngrams", defaultValue = "2", description = "ngram-logreg: longest word n-gram (default: ${DEFAULT-VALUE})")
    int ngrams;

    @Option(names = "--char-ngrams", defaultValue = "0",
            description = "ngram-logreg: longest character n-gram inside words, 0 for none (default: ${DEFAULT-VALUE})")
    int charNgrams;

    @Option(names = "--epochs", defaultValue = "10",
            description = "logistic regression: passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Override
    public Integer call() throws Exception {
        return ModelCommand.reporting(spec, this::execute);
    }

    private Integer execute() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<LabelledText> records = TicketData.read(data, text, label, split, stratify);
        var options = new ModelTrainer.Options(ModelKind.parse(kind), text, label, data.getFileName().toString(),
                examplesPerLabel, ngrams, charNgrams, epochs);
        long start = System.nanoTime();
        ModelMetadata metadata = ModelTrainer.train(records, options, this.out);
        out.printf("trained %s on %d records (%d labels, %d features) in %.1f s%nwrote %s%n", metadata.kind(),
                metadata.records(), metadata.labels().size(), metadata.features(), (System.nanoTime() - start) / 1e9,
                this.out.toAbsolutePath());
        out.flush();
        return 0;
    }
}
