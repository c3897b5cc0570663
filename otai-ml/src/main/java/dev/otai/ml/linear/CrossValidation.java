package dev.otai.ml.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Stratified k-fold cross-validation of linear settings: each fold builds its own vocabulary and idf from its
 * training part only, trains every setting, and scores the texts it left out, so every text gets decision values
 * from models that never saw it (out-of-fold scores).
 */
final class CrossValidation {

    private final List<TermCounts> documents;
    private final float[][] embeddings;
    private final int[] truth;
    private final double[] weight;
    private final int labels;
    private final int[] fold;
    private final int folds;
    private final int maxTerms;

    private CrossValidation(List<TermCounts> documents, float[][] embeddings, int[] truth, double[] weight, int labels,
                            int[] fold, int folds, int maxTerms) {
        this.documents = documents;
        this.embeddings = embeddings;
        this.truth = truth;
        this.weight = weight;
        this.labels = labels;
        this.fold = fold;
        this.folds = folds;
        this.maxTerms = maxTerms;
    }

    /** Folds assigned label by label in a seeded random order, so each fold holds about 1/k of every label. */
    /**
     * @param embeddings each document's sentence embedding, for hybrid settings; null when none are tried
     * @param weight     each document's training weight; null when all weigh 1
     */
    static CrossValidation stratified(List<TermCounts> documents, float[][] embeddings, int[] truth, double[] weight,
                                      int labels, int folds, int maxTerms, long seed) {
        int[] fold = new int[truth.length];
        var random = new SplittableRandom(seed);
        int next = 0;
        for (int label = 0; label < labels; label++) {
            var members = new ArrayList<Integer>();
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == label) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                members.set(i, members.set(j, members.get(i)));
            }
            for (int member : members) {
                fold[member] = next++ % folds;
            }
        }
        return new CrossValidation(documents, embeddings, truth, weight, labels, fold, folds, maxTerms);
    }

    int folds() {
        return folds;
    }

    int[] truth() {
        return truth;
    }

    /** Out-of-fold decision values: {@code [setting][text][label]}. */
    double[][][] scores(List<Settings> settings, ExecutorService executor) throws Exception {
        double[][][] out = new double[settings.size()][truth.length][];
        var tasks = new ArrayList<Future<?>>();
        for (int f = 0; f < folds; f++) {
            int held = f;
            tasks.add(executor.submit(() -> {
                runFold(held, settings, out);
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        return out;
    }

    private List<SparseVector> appended(List<SparseVector> vectors, List<Integer> documentIndex, int offset) {
        var out = new ArrayList<SparseVector>(vectors.size());
        for (int k = 0; k < vectors.size(); k++) {
            out.add(vectors.get(k).append(embeddings[documentIndex.get(k)], offset));
        }
        return out;
    }

    private void runFold(int held, List<Settings> settings, double[][][] out) {
        var trainDocs = new ArrayList<TermCounts>();
        var trainIndex = new ArrayList<Integer>();
        for (int i = 0; i < truth.length; i++) {
            if (fold[i] != held) {
                trainDocs.add(documents.get(i));
                trainIndex.add(i);
            }
        }
        Vocabulary vocabulary = Vocabulary.of(trainDocs, maxTerms);
        int[] y = trainIndex.stream().mapToInt(i -> truth[i]).toArray();
        double[] w = weight == null ? null : trainIndex.stream().mapToDouble(i -> weight[i]).toArray();
        var heldOut = new ArrayList<Integer>();
        for (int i = 0; i < truth.length; i++) {
            if (fold[i] == held) {
                heldOut.add(i);
            }
        }
        List<SparseVector> plain = trainIndex.stream().map(i -> vocabulary.vector(documents.get(i))).toList();
        List<SparseVector> heldPlain = heldOut.stream().map(i -> vocabulary.vector(documents.get(i))).toList();
        List<SparseVector> hybrid = null;
        List<SparseVector> heldHybrid = null;
        for (int s = 0; s < settings.size(); s++) {
            List<SparseVector> x = plain;
            List<SparseVector> test = heldPlain;
            int features = vocabulary.size();
            if (settings.get(s).hybrid()) {
                if (hybrid == null) {
                    hybrid = appended(plain, trainIndex, vocabulary.size());
                    heldHybrid = appended(heldPlain, heldOut, vocabulary.size());
                }
                x = hybrid;
                test = heldHybrid;
                features += embeddings[0].length;
            }
            LinearWeights weights = DualCoordinateDescent.train(x, y, w, labels, features, settings.get(s));
            for (int k = 0; k < heldOut.size(); k++) {
                out[s][heldOut.get(k)] = weights.scores(test.get(k));
            }
        }
    }
}
