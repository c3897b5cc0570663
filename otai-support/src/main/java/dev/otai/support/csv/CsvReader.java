package dev.otai.support.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV text into records: quoted fields may hold commas, doubled quotes and line breaks. Blank lines
 * are skipped; a quoted field left open is an error naming the line it starts on.
 */
public final class CsvReader {

    /** One record and the line it starts on. */
    public record Row(int line, List<String> cells) {
    }

    private CsvReader() {
    }

    /** The records of {@code text}; {@code source} names the file in errors. */
    public static List<Row> parse(String text, String source) {
        var rows = new ArrayList<Row>();
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    line += ch == '\n' ? 1 : 0;
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                addRow(rows, rowLine, cells);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ":" + rowLine + ": a quoted field is not closed; expected a closing \"");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addRow(rows, rowLine, cells);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells) {
        boolean blank = cells.size() == 1 && cells.getFirst().isBlank();
        if (!blank) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }
}
