package dev.otai.ml.train;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How well a classifier labels held-back data: accuracy, macro-F1, per-label precision and recall, and the
 * confusion matrix (rows: true label, columns: predicted label).
 *
 * @param labels         every label seen in the truth or the predictions, sorted
 * @param confusion      counts, {@code confusion[true][predicted]}
 * @param meanConfidence the average confidence of the predictions (compare with accuracy for calibration)
 * @param millisPerText  wall time per text, batches of 32
 * @param reliability    calibration error, and coverage and accuracy at a few thresholds
 */
public record Evaluation(List<String> labels, int[][] confusion, double meanConfidence, double millisPerText,
                         List<Mistake> mistakes, Reliability reliability) {

    /** A wrongly labelled record. */
    public record Mistake(String id, String truth, String predicted, double confidence) {
    }

    private static final int BATCH = 32;

    public static Evaluation of(Classifier classifier, List<LabelledText> data) throws Exception {
        var predicted = new ArrayList<Classification>(data.size());
        long start = System.nanoTime();
        for (int from = 0; from < data.size(); from += BATCH) {
            List<ClassificationRequest> batch = data.subList(from, Math.min(data.size(), from + BATCH)).stream()
                    .map(t -> new ClassificationRequest(t.text(), "", null)).toList();
            predicted.addAll(classifier.classifyAll(batch));
        }
        double millis = (System.nanoTime() - start) / 1e6 / data.size();
        var mistakes = new ArrayList<Mistake>();
        for (int i = 0; i < data.size(); i++) {
            if (!predicted.get(i).label().equals(data.get(i).label())) {
                mistakes.add(new Mistake(data.get(i).id(), data.get(i).label(), predicted.get(i).label(),
                        predicted.get(i).confidence()));
            }
        }
        return of(data.stream().map(LabelledText::label).toList(), predicted, millis, mistakes);
    }

    static Evaluation of(List<String> truth, List<Classification> predicted, double millisPerText, List<Mistake> mistakes) {
        var all = new TreeSet<>(truth);
        predicted.forEach(p -> all.add(p.label()));
        List<String> labels = List.copyOf(all);
        int[][] confusion = new int[labels.size()][labels.size()];
        double[] confidences = new double[truth.size()];
        boolean[] correct = new boolean[truth.size()];
        double confidence = 0;
        for (int i = 0; i < truth.size(); i++) {
            confusion[labels.indexOf(truth.get(i))][labels.indexOf(predicted.get(i).label())]++;
            confidences[i] = predicted.get(i).confidence();
            correct[i] = truth.get(i).equals(predicted.get(i).label());
            confidence += confidences[i];
        }
        return new Evaluation(labels, confusion, confidence / truth.size(), millisPerText, List.copyOf(mistakes),
                Reliability.of(confidences, correct));
    }

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += confusion[i][i];
        }
        return (double) correct / total();
    }

    public double precision(int label) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[label];
        }
        return predicted == 0 ? 0 : (double) confusion[label][label] / predicted;
    }

    public double recall(int label) {
        int actual = support(label);
        return actual == 0 ? 0 : (double) confusion[label][label] / actual;
    }

    public int support(int label) {
        int actual = 0;
        for (int c : confusion[label]) {
            actual += c;
        }
        return actual;
    }

    public double f1(int label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean F1 over labels that occur in the truth. */
    public double macroF1() {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (support(i) > 0) {
                sum += f1(i);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** A plain-text report for the terminal. */
    public String report() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "records:          %d%n", total()));
        out.append(String.format(Locale.ROOT, "accuracy:         %.4f%n", accuracy()));
        out.append(String.format(Locale.ROOT, "macro-F1:         %.4f%n", macroF1()));
        out.append(String.format(Locale.ROOT, "mean confidence:  %.4f%n", meanConfidence));
        out.append(String.format(Locale.ROOT, "time per text:    %.2f ms%n%n", millisPerText));
        out.append(reliability.report()).append(System.lineSeparator());
        int width = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(8));
        out.append(String.format(Locale.ROOT, "%-" + width + "s  precision  recall  f1      support%n", "label"));
        for (int i = 0; i < labels.size(); i++) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %.4f     %.4f  %.4f  %d%n", labels.get(i),
                    precision(i), recall(i), f1(i), support(i)));
        }
        out.append(String.format(Locale.ROOT, "%nconfusion matrix (rows: true label, columns: predicted)%n"));
        out.append(ConfusionTable.format(labels, confusion, width));
        return out.toString();
    }
}
