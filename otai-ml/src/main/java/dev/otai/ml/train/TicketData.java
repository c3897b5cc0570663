package dev.otai.ml.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.support.csv.CsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads labelled tickets from a JSON Lines or CSV file (with a header row) into {@link LabelledText}s. */
public final class TicketData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketData() {
    }

    /**
     * @param textFields fields joined (with a blank line) into the text, for example subject and body
     * @param labelField the field holding the label, for example queue
     */
    public static List<LabelledText> read(Path file, List<String> textFields, String labelField, Split split)
            throws IOException {
        return read(file, textFields, labelField, split, null);
    }

    /** As {@link #read(Path, List, String, Split)}, keeping each record's {@code stratumField} value (may be null). */
    public static List<LabelledText> read(Path file, List<String> textFields, String labelField, Split split,
                                          String stratumField) throws IOException {
        return labelled(records(file), "data file " + file, textFields, labelField, split, stratumField);
    }

    /**
     * Labelled texts from records already in memory (for example tickets fetched from a helpdesk).
     *
     * @param source names where the records came from, in error messages
     */
    public static List<LabelledText> labelled(List<Map<String, String>> records, String source, List<String> textFields,
                                              String labelField, Split split, String stratumField) {
        var out = new ArrayList<LabelledText>();
        for (int i = 0; i < records.size(); i++) {
            if (split.includes(i)) {
                out.add(labelled(source, i, records.get(i), textFields, labelField, stratumField));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + " has no records in part " + split.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static List<Map<String, String>> records(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (name.endsWith(".csv")) {
            return csv(text, file);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return jsonLines(file, text);
        }
        throw new IllegalArgumentException("data file " + file + " has an unknown type; expected a name ending in .csv or .jsonl");
    }

    private static List<Map<String, String>> csv(String text, Path file) {
        List<CsvReader.Row> rows = CsvReader.parse(text, file.toString());
        var out = new ArrayList<Map<String, String>>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = rows.getFirst().cells();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            var record = new LinkedHashMap<String, String>();
            for (int c = 0; c < header.size() && c < row.cells().size(); c++) {
                record.put(header.get(c).strip(), row.cells().get(c));
            }
            out.add(record);
        }
        return out;
    }

    private static List<Map<String, String>> jsonLines(Path file, String text) {
        var out = new ArrayList<Map<String, String>>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                var record = new LinkedHashMap<String, String>();
                JSON.readTree(lines[i]).properties().forEach(e ->
                        record.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
                out.add(record);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("data file " + file + " line " + (i + 1) + " is not a JSON object: "
                        + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static LabelledText labelled(String source, int index, Map<String, String> record, List<String> textFields,
                                         String labelField, String stratumField) {
        var text = new StringBuilder();
        for (String field : textFields) {
            String value = record.get(field);
            if (value == null) {
                throw missing(source, index, field, record);
            }
            text.append(text.isEmpty() ? "" : "\n\n").append(value);
        }
        String label = record.get(labelField);
        if (label == null || label.isBlank()) {
            throw missing(source, index, labelField, record);
        }
        String stratum = stratumField == null ? "" : record.get(stratumField);
        if (stratum == null) {
            throw missing(source, index, stratumField, record);
        }
        return new LabelledText(record.getOrDefault("id", "#" + (index + 1)), text.toString(), label, stratum);
    }

    private static IllegalArgumentException missing(String source, int index, String field, Map<String, String> record) {
        return new IllegalArgumentException(source + " record " + (index + 1) + " has no field '" + field
                + "'; its fields are " + record.keySet());
    }
}
