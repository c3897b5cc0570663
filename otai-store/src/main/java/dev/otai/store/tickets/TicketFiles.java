package dev.otai.store.tickets;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.store.Json;
import dev.otai.support.csv.CsvReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ticket files: JSON Lines (one object a line) and CSV (a header row, then one ticket a row). Known keys are
 * {@code id, number, subject|title, body, queue, priority, state, type, owner, customer, tags, created, updated,
 * notes}; any other key becomes a custom field. Tickets without an id get one when stored.
 */
public final class TicketFiles {

    static final Set<String> KNOWN = Set.of("id", "number", "subject", "title", "body", "queue", "priority", "state",
            "type", "owner", "customer", "tags", "created", "updated", "notes", "fields");

    private TicketFiles() {
    }

    /** Reads every ticket of a {@code .jsonl}/{@code .ndjson}/{@code .csv} file; fails naming file:line and the problem. */
    public static List<Map<String, Object>> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (name.endsWith(".csv")) {
            return csv(text, file.toString());
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return jsonLines(text, file.toString());
        }
        throw new IllegalArgumentException("ticket file " + file + " has an unknown extension; expected .csv or .jsonl");
    }

    static List<Map<String, Object>> jsonLines(String text, String source) {
        var out = new ArrayList<Map<String, Object>>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Object value;
            try {
                value = Json.read(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage() + "; expected one JSON object a line");
            }
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": found " + line.charAt(0) + "…; expected a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            map.put("__line", i + 1);
            out.add(map);
        }
        return out;
    }

    static List<Map<String, Object>> csv(String text, String source) {
        List<CsvReader.Row> rows = CsvReader.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.getFirst().cells().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        var out = new ArrayList<Map<String, Object>>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() != header.size()) {
                throw new IllegalArgumentException(source + ":" + row.line() + ": " + row.cells().size()
                        + " columns; expected " + header.size() + " as in the header " + header);
            }
            var map = new LinkedHashMap<String, Object>();
            for (int i = 0; i < header.size(); i++) {
                String cell = row.cells().get(i);
                if (!cell.isEmpty()) {
                    map.put(header.get(i), header.get(i).equals("tags") ? tagList(cell) : cell);
                }
            }
            map.put("__line", row.line());
            out.add(map);
        }
        return out;
    }

    private static List<String> tagList(String cell) {
        return Arrays.stream(cell.split("[;,|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A ticket from a read record; {@code id} is used when the record has none. */
    static Ticket ticket(Map<String, Object> record, String id, Instant now, String source) {
        Object line = record.get("__line");
        String where = source + ":" + line;
        Object title = record.containsKey("subject") ? record.get("subject") : record.get("title");
        var fields = new LinkedHashMap<String, Object>();
        if (record.get("fields") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> fields.put(String.valueOf(k), v));
        }
        record.forEach((key, value) -> {
            if (!KNOWN.contains(key) && !key.equals("__line")) {
                fields.put(key, value);
            }
        });
        Instant created = instant(record.get("created"), now, where, "created");
        return new Ticket(id, text(record.get("number")), text(title), text(record.get("body")),
                Entity.from(record.get("queue")), Entity.from(record.get("priority")), Entity.from(record.get("state")),
                Entity.from(record.get("type")), Entity.from(record.get("owner")), Entity.from(record.get("customer")),
                tags(record.get("tags")), fields, created, instant(record.get("updated"), created, where, "updated"),
                notes(record.get("notes")));
    }

    private static List<String> tags(Object value) {
        return switch (value) {
            case null -> List.of();
            case List<?> list -> list.stream().map(String::valueOf).toList();
            default -> tagList(value.toString());
        };
    }

    private static List<Note> notes(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(item -> {
            Note note = Note.from(item, false);
            Instant created = item instanceof Map<?, ?> m && m.get("created") != null ? Instant.parse(m.get("created").toString()) : null;
            return new Note(null, note.subject(), note.body(), note.contentType(), note.visibleToCustomer(), created);
        }).toList();
    }

    private static Instant instant(Object value, Instant fallback, String where, String key) {
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + key + "' was \"" + value
                    + "\"; expected an ISO-8601 instant such as 2026-11-24T08:00:00Z");
        }
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Writes one ticket as one JSON line, in the shape {@link #read} reads back. */
    public static void writeJsonLine(Ticket ticket, Writer out) throws IOException {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", ticket.id());
        map.put("number", ticket.number());
        map.put("subject", ticket.title());
        map.put("body", ticket.body());
        map.put("queue", TicketRows.name(ticket.queue()));
        map.put("priority", TicketRows.name(ticket.priority()));
        map.put("state", TicketRows.name(ticket.state()));
        map.put("type", TicketRows.name(ticket.type()));
        map.put("owner", TicketRows.name(ticket.owner()));
        map.put("customer", TicketRows.name(ticket.customer()));
        map.put("tags", ticket.tags());
        map.put("fields", ticket.fields());
        map.put("created", ticket.created() == null ? null : ticket.created().toString());
        map.put("updated", ticket.updated() == null ? null : ticket.updated().toString());
        map.put("notes", ticket.notes().stream().map(n -> {
            Map<String, Object> note = n.toMap();
            note.remove("id");
            return note;
        }).toList());
        map.values().removeIf(v -> v == null);
        out.write(Json.write(map));
        out.write('\n');
    }
}
