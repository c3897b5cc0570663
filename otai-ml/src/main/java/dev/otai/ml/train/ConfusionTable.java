package dev.otai.ml.train;

import java.util.List;
import java.util.Locale;

/** Formats a confusion matrix with short column headers (the labels' first characters) and a legend. */
final class ConfusionTable {

    private ConfusionTable() {
    }

    static String format(List<String> labels, int[][] confusion, int width) {
        var out = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", ""));
        int column = Math.max(6, String.valueOf(maxCount(confusion)).length() + 1);
        for (int c = 0; c < labels.size(); c++) {
            String head = labels.get(c).length() > column - 1 ? labels.get(c).substring(0, column - 1) : labels.get(c);
            out.append(String.format(Locale.ROOT, "%" + column + "s", head));
        }
        out.append(System.lineSeparator());
        for (int r = 0; r < labels.size(); r++) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s", labels.get(r)));
            for (int c = 0; c < labels.size(); c++) {
                out.append(String.format(Locale.ROOT, "%" + column + "d", confusion[r][c]));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static int maxCount(int[][] confusion) {
        int max = 0;
        for (int[] row : confusion) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        return max;
    }
}
