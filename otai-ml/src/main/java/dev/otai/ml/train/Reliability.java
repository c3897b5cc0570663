package dev.otai.ml.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a model's confidences mean what they say. The expected calibration error is the gap between
 * confidence and accuracy, averaged over ten equal-width confidence bins weighted by how many predictions fall in
 * each (0: among predictions scored 0.8, exactly 80 % are right). At each threshold: the share of texts whose
 * confidence reaches it (what a pipe with that {@code threshold:} routes automatically) and the accuracy among them.
 *
 * @param expectedCalibrationError ECE over ten bins
 * @param thresholds               coverage and accuracy at 0.5, 0.6, 0.7, 0.8 and 0.9
 */
public record Reliability(double expectedCalibrationError, List<AtThreshold> thresholds) {

    static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9};
    private static final int BINS = 10;

    /** What a {@code threshold:} would do: how many texts reach it, and how many of those are right. */
    public record AtThreshold(double threshold, double coverage, double accuracy, int routed) {
    }

    static Reliability of(double[] confidence, boolean[] correct) {
        double[] sumConfidence = new double[BINS];
        int[] right = new int[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < confidence.length; i++) {
            int bin = Math.min(BINS - 1, Math.max(0, (int) Math.ceil(confidence[i] * BINS) - 1));
            sumConfidence[bin] += confidence[i];
            right[bin] += correct[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(right[b] - sumConfidence[b]) / confidence.length;
            }
        }
        var rows = new ArrayList<AtThreshold>();
        for (double threshold : THRESHOLDS) {
            int routed = 0;
            int routedRight = 0;
            for (int i = 0; i < confidence.length; i++) {
                if (confidence[i] >= threshold) {
                    routed++;
                    routedRight += correct[i] ? 1 : 0;
                }
            }
            rows.add(new AtThreshold(threshold, (double) routed / confidence.length,
                    routed == 0 ? Double.NaN : (double) routedRight / routed, routed));
        }
        return new Reliability(ece, List.copyOf(rows));
    }

    String report() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "calibration error (ECE, 10 bins): %.4f%n%n", expectedCalibrationError));
        out.append(String.format(Locale.ROOT, "threshold  routed  coverage  accuracy of routed%n"));
        for (AtThreshold row : thresholds) {
            out.append(String.format(Locale.ROOT, "%-9.1f  %6d  %8.4f  %s%n", row.threshold(), row.routed(),
                    row.coverage(), Double.isNaN(row.accuracy()) ? "-" : String.format(Locale.ROOT, "%.4f",
                            row.accuracy())));
        }
        return out.toString();
    }
}
