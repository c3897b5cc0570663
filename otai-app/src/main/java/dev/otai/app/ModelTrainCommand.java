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
import dev.otai.store.corrections.Corrections;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otai model train}: trains a classifier and writes it with its metadata to a directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier on labelled tickets and write it to a model directory.")
final class ModelTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "labelled tickets: a .csv (with header) or .jsonl file")
    Path data;

    @Option(names = "--from-service", paramLabel = "ID",
            description = "instead of --data: read tickets from this ticket-system service of the config")
    String fromService;

    @Option(names = "--queue", description = "with --from-service: a queue to read tickets from (repeat for several)")
    List<String> queues;

    @Option(names = "--max-per-queue", defaultValue = "5000",
            description = "with --from-service: the most tickets read per queue (default: ${DEFAULT-VALUE})")
    int maxPerQueue;

    @Option(names = "--export", paramLabel = "FILE",
            description = "with --from-service: also write the tickets read to this .jsonl file")
    Path export;

    @Option(names = "--correction-weight", paramLabel = "W", defaultValue = "3",
            description = "with --from-service: how much each ticket a person moved after otai routed it counts, "
                    + "relative to the others, with the person's queue as its label; 0 leaves corrections out "
                    + "(default: ${DEFAULT-VALUE})")
    double correctionWeight;

    @Mixin
    StoreOption store;

    @Option(names = "--text", split = ",", defaultValue = "subject,body",
            description = "fields joined into the text (default: ${DEFAULT-VALUE})")
    List<String> text;

    @Option(names = "--label", defaultValue = "queue", description = "the field holding the label (default: ${DEFAULT-VALUE})")
    String label;

    @Option(names = "--out", required = true, description = "the model directory to write")
    Path out;

    @Option(names = "--kind", defaultValue = "auto",
            description = "auto (chooses tfidf-svm or tfidf-logreg and C by cross-validation), tfidf-svm, tfidf-logreg, "
                    + "ngram-logreg, embedding-logreg or embedding-centroid (default: ${DEFAULT-VALUE})")
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

    @Option(names = "--ngrams", defaultValue = "2",
            description = "n-gram kinds: longest word n-gram (default: ${DEFAULT-VALUE})")
    int ngrams;

    @Option(names = "--char-ngrams",
            description = "n-gram kinds: longest character n-gram inside words, 0 for none "
                    + "(default: 5 for auto and tfidf-*, 0 for ngram-logreg)")
    Integer charNgrams;

    @Option(names = "--c", paramLabel = "C",
            description = "tfidf-svm, tfidf-logreg: regularisation C, larger fits the training data more closely "
                    + "(default: 1 for svm, 10 for logreg; auto chooses)")
    Double c;

    @Option(names = "--hybrid", negatable = true,
            description = "auto, tfidf-*: add the MiniLM sentence embedding to the n-grams (auto: try it, up to 500 "
                    + "records; default: on for auto, off for tfidf-*)")
    Boolean hybrid;

    @Option(names = "--threads", description = "auto, tfidf-*: cross-validation folds trained at once "
            + "(default: the number of processors)")
    Integer threads;

    @Option(names = "--epochs", defaultValue = "10",
            description = "logistic regression: passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    /** How many of the tickets otai routed last are checked for corrections. */
    private static final int CORRECTIONS_CHECKED = 5000;

    private int correctionsUsed;

    @Override
    public Integer call() throws Exception {
        return ModelCommand.reporting(spec, this::execute);
    }

    private Integer execute() throws Exception {
        PrintWriter out = TerminalText.out(spec);
        List<LabelledText> records = fromService == null ? TicketData.read(requireData(), text, label, split, stratify)
                : fromHelpdesk();
        String source = fromService == null ? data.getFileName().toString() : "service " + fromService;
        ModelKind modelKind = ModelKind.parse(kind);
        var options = new ModelTrainer.Options(modelKind, text, label, source, examplesPerLabel, ngrams,
                charNgrams != null ? charNgrams : modelKind.linear() ? 5 : 0, epochs, c, hybrid,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        ModelMetadata metadata = ModelTrainer.train(records, options, this.out);
        if (fromService != null) {
            out.println(correctionsUsed == 0 ? "used no corrections" : "used " + correctionsUsed + " correction"
                    + (correctionsUsed == 1 ? "" : "s") + " (tickets a person moved after otai routed them), weight "
                    + correctionWeight);
        }
        if (metadata.selection() != null) {
            out.print(TrainingReport.selection(metadata));
        }
        out.printf("trained %s on %d records (%d labels, %d features) in %.1f s%nwrote %s%n", metadata.kind(),
                metadata.records(), metadata.labels().size(), metadata.features(), (System.nanoTime() - start) / 1e9,
                this.out.toAbsolutePath());
        out.flush();
        return 0;
    }

    private Path requireData() {
        if (data == null) {
            throw new IllegalArgumentException("no tickets to train on; expected --data FILE or --from-service ID --queue NAME");
        }
        return data;
    }

    private List<LabelledText> fromHelpdesk() throws Exception {
        if (data != null || queues == null || queues.isEmpty()) {
            throw new IllegalArgumentException("--from-service " + fromService + " needs at least one --queue and no --data");
        }
        if (!(correctionWeight >= 0) || Double.isInfinite(correctionWeight)) {
            throw new IllegalArgumentException("--correction-weight was " + correctionWeight
                    + "; expected a number of at least 0 (0 leaves corrections out)");
        }
        Composition composition = Composition.fromSystem();
        try (ConfiguredService service = ConfiguredService.open(composition, store, fromService)) {
            List<Map<String, String>> records = ModelCommand.fromHelpdesk(fromService, composition,
                    () -> HelpdeskTickets.fetch(service.tickets(), queues, maxPerQueue));
            var corrections = new CorrectionRecords(correctionWeight == 0 || !label.equals("queue") ? List.of()
                    : ModelCommand.fromHelpdesk(fromService, composition,
                            () -> new Corrections(service.store()).corrections(service.tickets(), null, CORRECTIONS_CHECKED)));
            records = corrections.merged(records);
            if (export != null) {
                HelpdeskTickets.export(records, export);
            }
            correctionsUsed = corrections.corrections().size();
            return corrections.weighted(TicketData.labelled(records, "service '" + fromService + "'", text, label, split,
                    stratify), correctionWeight);
        }
    }
}
