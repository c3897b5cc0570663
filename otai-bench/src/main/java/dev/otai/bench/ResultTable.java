package dev.otai.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table printed at the end of a harness: one row per measurement. */
final class ResultTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    ResultTable(String... header) {
        this.header = List.of(header);
    }

    ResultTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells; expected " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintStream out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, header, widths);
        var rule = new ArrayList<String>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        out.flush();
    }

    private static void line(PrintStream out, List<String> cells, int[] widths) {
        var sb = new StringBuilder("| ");
        for (int i = 0; i < cells.size(); i++) {
            sb.append(String.format("%-" + widths[i] + "s", cells.get(i))).append(" | ");
        }
        out.println(sb.toString().stripTrailing());
    }
}
