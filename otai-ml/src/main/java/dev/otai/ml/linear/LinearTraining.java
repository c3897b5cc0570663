package dev.otai.ml.linear;

import dev.otai.ml.embed.SentenceEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Trains a calibrated TF-IDF linear model. Every candidate setting is judged by stratified k-fold
 * cross-validation on the training data; the most accurate one (ties: the lower calibrated log loss) is trained
 * on all of it, and its {@link Calibration} is fitted on its out-of-fold scores. With one candidate, cross-validation
 * only calibrates. Given a sentence embedder, every setting is also tried as a hybrid (TF-IDF terms and the MiniLM
 * embedding together), as long as the data has at most {@link #MAX_HYBRID_RECORDS} records.
 */
public final class LinearTraining {

    /** Above this many records, cross-validation runs on a stratified sample of this size (the final model sees all). */
    static final int MAX_CV_RECORDS = 4000;
    /** The most terms a model keeps: those in the most training texts. */
    static final int MAX_TERMS = 1 << 20;
    /**
     * Above this many records hybrid settings are not tried: MiniLM embeds 15 to 90 ms per ticket on a busy
     * two-core machine (a thousand tickets took 89 s to train), and with that much data the terms alone
     * generalise well.
     */
    public static final int MAX_HYBRID_RECORDS = 500;
    private static final long SEED = 20261206L;

    /** A setting's cross-validated accuracy and calibrated log loss. */
    public record Candidate(Settings settings, double accuracy, double logLoss, Calibration calibration) {
    }

    /**
     * @param candidates every setting tried, in the order tried
     * @param cvRecords  how many records the cross-validation used
     */
    public record Result(LinearTextModel model, Candidate chosen, int folds, int cvRecords, List<Candidate> candidates) {
    }

    private LinearTraining() {
    }

    /** The settings {@code --kind auto} compares: the SVM and logistic regression at a few strengths. */
    public static List<Settings> autoGrid() {
        return List.of(new Settings(Loss.SVM, 0.1, false), new Settings(Loss.SVM, 0.3, false),
                new Settings(Loss.SVM, 1, false), new Settings(Loss.SVM, 3, false),
                new Settings(Loss.LOGREG, 3, false), new Settings(Loss.LOGREG, 10, false),
                new Settings(Loss.LOGREG, 30, false), new Settings(Loss.LOGREG, 100, false));
    }

    /**
     * @param grid        the settings to compare; with {@code tryBalanced}, the best one is also tried with balanced
     *                    label weights
     * @param embedder    with hybrid settings in the grid or {@code tryHybrid}: the sentence embedder (the model
     *                    keeps using it; the caller closes it), else null
     * @param tryHybrid   whether every setting of the grid is also tried as a hybrid (up to
     *                    {@link #MAX_HYBRID_RECORDS} records)
     * @param threads     how many folds train at once
     */
    public static Result train(List<String> texts, List<String> labelOfText, TextTerms terms, List<Settings> grid,
                               boolean tryBalanced, SentenceEmbedder embedder, boolean tryHybrid, int threads)
            throws Exception {
        return train(texts, labelOfText, null, terms, grid, tryBalanced, embedder, tryHybrid, threads);
    }

    /**
     * As {@link #train(List, List, TextTerms, List, boolean, SentenceEmbedder, boolean, int)}, with each text's
     * training weight ({@code weightOfText}, null: 1 each): a text of weight 3 costs the model as much to get
     * wrong as three copies of it, in cross-validation and in the final model.
     */
    public static Result train(List<String> texts, List<String> labelOfText, double[] weightOfText, TextTerms terms,
                               List<Settings> grid, boolean tryBalanced, SentenceEmbedder embedder, boolean tryHybrid,
                               int threads) throws Exception {
        if (weightOfText != null && weightOfText.length != texts.size()) {
            throw new IllegalArgumentException(weightOfText.length + " weights for " + texts.size() + " texts; expected one each");
        }
        var settings = new ArrayList<>(grid);
        if (tryHybrid && texts.size() <= MAX_HYBRID_RECORDS) {
            grid.forEach(s -> settings.add(s.hybridVariant()));
        }
        boolean hybrid = settings.stream().anyMatch(Settings::hybrid);
        if (hybrid && embedder == null) {
            throw new IllegalArgumentException("hybrid settings " + settings + " need a sentence embedder");
        }
        return train(texts, labelOfText, weightOfText, terms, settings, tryBalanced,
                hybrid ? embedder.embed(texts) : null, embedder, threads);
    }

    private static Result train(List<String> texts, List<String> labelOfText, double[] weight, TextTerms terms,
                                List<Settings> grid, boolean tryBalanced, float[][] embeddings, SentenceEmbedder embedder,
                                int threads) throws Exception {
        List<String> labels = List.copyOf(new TreeSet<>(labelOfText));
        int[] truth = labelOfText.stream().mapToInt(labels::indexOf).toArray();
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<TermCounts> documents = count(texts, terms, executor, threads);
            int[] sample = sample(truth, labels.size());
            List<TermCounts> cvDocuments = IntStream.of(sample).mapToObj(documents::get).toList();
            float[][] cvEmbeddings = embeddings == null ? null
                    : IntStream.of(sample).mapToObj(i -> embeddings[i]).toArray(float[][]::new);
            int[] cvTruth = IntStream.of(sample).map(i -> truth[i]).toArray();
            double[] cvWeight = weight == null ? null : IntStream.of(sample).mapToDouble(i -> weight[i]).toArray();
            int folds = folds(cvTruth, labels.size());
            var cv = CrossValidation.stratified(cvDocuments, cvEmbeddings, cvTruth, cvWeight, labels.size(), folds,
                    MAX_TERMS, SEED);
            var candidates = new ArrayList<>(judge(cv, grid, executor));
            Candidate best = best(candidates);
            if (tryBalanced && !best.settings().balanced()) {
                candidates.addAll(judge(cv, List.of(best.settings().balancedVariant()), executor));
                best = best(candidates);
            }
            Settings chosen = best.settings();
            Vocabulary vocabulary = Vocabulary.of(documents, MAX_TERMS);
            var x = new ArrayList<SparseVector>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                SparseVector vector = vocabulary.vector(documents.get(i));
                x.add(chosen.hybrid() ? vector.append(embeddings[i], vocabulary.size()) : vector);
            }
            int features = vocabulary.size() + (chosen.hybrid() ? SentenceEmbedder.DIMENSIONS : 0);
            LinearWeights weights = DualCoordinateDescent.train(x, truth, weight, labels.size(), features, chosen);
            var model = new LinearTextModel(terms, vocabulary, weights, labels, best.calibration(),
                    chosen.hybrid() ? embedder : null);
            return new Result(model, best, folds, sample.length, List.copyOf(candidates));
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<TermCounts> count(List<String> texts, TextTerms terms, ExecutorService executor, int threads)
            throws Exception {
        TermCounts[] out = new TermCounts[texts.size()];
        int chunk = Math.max(1, (texts.size() + threads - 1) / Math.max(1, threads));
        var tasks = new ArrayList<Future<?>>();
        for (int from = 0; from < texts.size(); from += chunk) {
            int start = from;
            int end = Math.min(texts.size(), from + chunk);
            tasks.add(executor.submit(() -> {
                for (int i = start; i < end; i++) {
                    out[i] = terms.count(texts.get(i));
                }
            }));
        }
        for (var task : tasks) {
            task.get();
        }
        return List.of(out);
    }

    private static List<Candidate> judge(CrossValidation cv, List<Settings> settings, ExecutorService executor)
            throws Exception {
        double[][][] scores = cv.scores(settings, executor);
        var out = new ArrayList<Candidate>();
        for (int s = 0; s < settings.size(); s++) {
            int right = 0;
            for (int i = 0; i < cv.truth().length; i++) {
                right += argmax(scores[s][i]) == cv.truth()[i] ? 1 : 0;
            }
            Calibration calibration = Calibration.fit(scores[s], cv.truth());
            out.add(new Candidate(settings.get(s), (double) right / cv.truth().length,
                    calibration.logLoss(scores[s], cv.truth()), calibration));
        }
        return out;
    }

    private static Candidate best(List<Candidate> candidates) {
        return candidates.stream().max(Comparator.comparingDouble(Candidate::accuracy)
                .thenComparing(Comparator.comparingDouble(Candidate::logLoss).reversed())).orElseThrow();
    }

    /** 5 folds, 3 above 2,000 records; fewer when the smallest label has fewer records (at least 2). */
    private static int folds(int[] truth, int labels) {
        int[] counts = new int[labels];
        for (int label : truth) {
            counts[label]++;
        }
        int smallest = IntStream.of(counts).min().orElse(0);
        return Math.max(2, Math.min(truth.length > 2000 ? 3 : 5, smallest));
    }

    /** All record indices, or a stratified seeded sample of {@link #MAX_CV_RECORDS} of them. */
    private static int[] sample(int[] truth, int labels) {
        if (truth.length <= MAX_CV_RECORDS) {
            return IntStream.range(0, truth.length).toArray();
        }
        var random = new SplittableRandom(SEED);
        var kept = new ArrayList<Integer>();
        for (int label = 0; label < labels; label++) {
            var members = new ArrayList<Integer>();
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == label) {
                    members.add(i);
                }
            }
            int keep = Math.max(1, (int) Math.round((double) members.size() * MAX_CV_RECORDS / truth.length));
            for (int i = 0; i < keep && i < members.size(); i++) {
                int j = i + random.nextInt(members.size() - i);
                members.set(i, members.set(j, members.get(i)));
                kept.add(members.get(i));
            }
        }
        return kept.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
