package dev.otai.ml.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.otai.ml.embed.CentroidClassifier;
import dev.otai.ml.embed.SentenceEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains a model of a {@link ModelKind} on labelled texts and writes it, with its metadata, to a directory. */
public final class ModelTrainer {

    /** Tribuo logs every training run through java.util.logging at INFO; otai reports training itself. */
    private static final Logger TRIBUO_SGD_LOG = quiet("org.tribuo.common.sgd");

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String TRIBUO_FILE = "model.tribuo";
    static final String EXAMPLES_FILE = "examples.json";

    /**
     * @param examplesPerLabel for embedding-centroid: how many examples of each label to keep (the first ones)
     * @param ngrams           for the n-gram kinds: the longest word n-gram
     * @param charNgrams       for the n-gram kinds: the longest character n-gram inside words (0: none)
     * @param epochs           for the Tribuo logistic regressions: passes over the data
     * @param c                for tfidf-svm and tfidf-logreg: the regularisation C (null: the kind's default)
     * @param hybrid           for the TF-IDF kinds: whether the MiniLM embedding joins the terms (auto: whether
     *                         hybrids are among the candidates); null: the kind's default (auto: yes, else no)
     * @param threads          for the TF-IDF kinds: how many cross-validation folds train at once
     */
    public record Options(ModelKind kind, List<String> textFields, String labelField, String dataFile,
                          int examplesPerLabel, int ngrams, int charNgrams, int epochs, Double c, Boolean hybrid,
                          int threads) {

        public Options(ModelKind kind, List<String> textFields, String labelField, String dataFile,
                       int examplesPerLabel, int ngrams, int charNgrams, int epochs) {
            this(kind, textFields, labelField, dataFile, examplesPerLabel, ngrams, charNgrams, epochs, null, null,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private ModelTrainer() {
    }

    /** Trains and writes the model; returns its metadata. */
    public static ModelMetadata train(List<LabelledText> data, Options options, Path out) throws Exception {
        Files.createDirectories(out);
        List<String> labels = List.copyOf(new TreeSet<>(data.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training data has " + labels.size() + " label(s) " + labels
                    + " in field '" + options.labelField() + "'; expected at least two");
        }
        return switch (options.kind()) {
            case AUTO, TFIDF_SVM, TFIDF_LOGREG -> LinearKinds.train(data, labels, options, out);
            case NGRAM_LOGREG -> tribuo(data, labels, options,
                    new Featurizer.Grams(new TextGrams(options.ngrams(), options.charNgrams())), null, out);
            case EMBEDDING_LOGREG -> {
                try (var embedder = SentenceEmbedder.miniLm(0)) {
                    yield tribuo(data, labels, options, new Featurizer.Embeddings(embedder), null, out);
                }
            }
            case EMBEDDING_CENTROID -> centroid(data, labels, options, out);
        };
    }

    private static ModelMetadata tribuo(List<LabelledText> data, List<String> labels, Options options,
                                        Featurizer featurizer, Double temperature, Path out) throws Exception {
        var factory = new LabelFactory();
        var dataset = new MutableDataset<Label>(new SimpleDataSourceProvenance(options.dataFile(), factory), factory);
        List<Example<Label>> examples = featurizer.examples(data.stream().map(LabelledText::text).toList(),
                data.stream().map(t -> new Label(t.label())).toList());
        for (int i = 0; i < examples.size(); i++) {
            examples.get(i).setWeight((float) data.get(i).weight());
        }
        dataset.addAll(examples);
        Model<Label> model = trainer(options.epochs()).train(dataset);
        model.serializeToFile(out.resolve(TRIBUO_FILE));
        return writeMetadata(data, labels, options, model.getFeatureIDMap().size(), temperature, out);
    }

    /** Multinomial logistic regression by SGD with AdaGrad, one example per step, a fixed seed (reproducible). */
    static LinearSGDTrainer trainer(int epochs) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), epochs, Integer.MAX_VALUE, 1, 20261124L);
    }

    private static ModelMetadata centroid(List<LabelledText> data, List<String> labels, Options options, Path out)
            throws Exception {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String label : labels) {
            kept.put(label, FewShot.pick(data.stream().filter(t -> t.label().equals(label)).toList(),
                    options.examplesPerLabel()).stream().map(LabelledText::text).toList());
        }
        JSON.writeValue(out.resolve(EXAMPLES_FILE).toFile(), kept);
        double temperature;
        try (var embedder = SentenceEmbedder.miniLm(0);
             var classifier = CentroidClassifier.fit(embedder, kept, null)) {
            temperature = classifier.temperature();
        }
        List<LabelledText> used = data.stream().filter(t -> kept.get(t.label()).contains(t.text())).toList();
        return writeMetadata(used, labels, options, 384, temperature, out);
    }

    private static ModelMetadata writeMetadata(List<LabelledText> data, List<String> labels, Options options,
                                               int features, Double temperature, Path out) throws IOException {
        boolean grams = options.kind() == ModelKind.NGRAM_LOGREG;
        var metadata = new ModelMetadata(options.kind().id(), labels, options.textFields(), options.labelField(), features,
                grams ? options.ngrams() : 0, grams ? options.charNgrams() : 0,
                options.kind() == ModelKind.EMBEDDING_CENTROID ? 0 : options.epochs(), temperature, Instant.now().toString(),
                options.dataFile(), sha256(data), data.size(), ModelMetadata.FORMAT);
        return write(metadata, out);
    }

    static ModelMetadata write(ModelMetadata metadata, Path out) throws IOException {
        JSON.writeValue(out.resolve(ModelMetadata.FILE).toFile(), metadata);
        return metadata;
    }

    private static Logger quiet(String name) {
        var logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    static String sha256(List<LabelledText> data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledText t : data) {
                String weight = t.weight() == 1 ? "" : "\t" + t.weight();
                digest.update((t.label() + "\t" + t.text() + weight + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
