package dev.otai.store.tickets;

import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.store.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

/** Changes tickets in the store's tables; each method runs inside the caller's transaction. */
final class TicketWrites {

    private TicketWrites() {
    }

    static void insert(Connection c, Ticket t) throws SQLException {
        Instant created = Objects.requireNonNullElse(t.created(), Instant.EPOCH);
        Instant updated = Objects.requireNonNullElse(t.updated(), created);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tickets (" + TicketRows.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            s.setString(1, t.id());
            s.setString(2, t.number() == null ? t.id() : t.number());
            s.setString(3, Objects.requireNonNullElse(t.title(), ""));
            s.setString(4, Objects.requireNonNullElse(t.body(), ""));
            s.setString(5, TicketRows.name(t.queue()));
            s.setString(6, TicketRows.name(t.priority()));
            s.setString(7, Objects.requireNonNullElse(TicketRows.name(t.state()), LocalTicketSystem.DEFAULT_STATE));
            s.setString(8, TicketRows.name(t.type()));
            s.setString(9, TicketRows.name(t.owner()));
            s.setString(10, TicketRows.name(t.customer()));
            s.setObject(11, TicketRows.time(created));
            s.setObject(12, TicketRows.time(updated));
            s.executeUpdate();
        }
        for (String tag : new LinkedHashSet<>(t.tags())) {
            addTag(c, t.id(), tag);
        }
        putFields(c, t.id(), t.fields());
        for (Note note : t.notes()) {
            addNote(c, t.id(), note, Objects.requireNonNullElse(note.created(), created));
        }
    }

    static void delete(Connection c, String id) throws SQLException {
        for (String table : new String[] {"ticket_tags", "ticket_fields", "ticket_notes"}) {
            execute(c, "DELETE FROM " + table + " WHERE ticket_id = ?", id);
        }
        execute(c, "DELETE FROM tickets WHERE id = ?", id);
    }

    static void update(Connection c, String id, TicketUpdate u, Instant now) throws SQLException {
        setColumn(c, id, "title", u.title());
        setColumn(c, id, "queue", TicketRows.name(u.queue()));
        setColumn(c, id, "priority", TicketRows.name(u.priority()));
        setColumn(c, id, "state", TicketRows.name(u.state()));
        setColumn(c, id, "ticket_type", TicketRows.name(u.type()));
        setColumn(c, id, "owner_name", TicketRows.name(u.owner()));
        for (String tag : u.removeTags()) {
            execute(c, "DELETE FROM ticket_tags WHERE ticket_id = ? AND tag = ?", id, tag);
        }
        for (String tag : u.addTags()) {
            execute(c, "DELETE FROM ticket_tags WHERE ticket_id = ? AND tag = ?", id, tag);
            addTag(c, id, tag);
        }
        putFields(c, id, u.fields());
    }

    /** Sets a column; only names from this class reach here, never user text. */
    private static void setColumn(Connection c, String id, String column, String value) throws SQLException {
        if (value != null) {
            execute(c, "UPDATE tickets SET " + column + " = ? WHERE id = ?", value, id);
        }
    }

    static void touch(Connection c, String id, Instant now) throws SQLException {
        execute(c, "UPDATE tickets SET updated_at = ?, version = version + 1 WHERE id = ?", TicketRows.time(now), id);
    }

    static void addNote(Connection c, String id, Note note, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ticket_notes (ticket_id, subject, body, content_type, "
                + "visible_to_customer, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, note.subject());
            s.setString(3, note.body());
            s.setString(4, note.contentType());
            s.setBoolean(5, note.visibleToCustomer());
            s.setObject(6, TicketRows.time(now));
            s.executeUpdate();
        }
    }

    private static void addTag(Connection c, String id, String tag) throws SQLException {
        execute(c, "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?)", id, tag);
    }

    private static void putFields(Connection c, String id, Map<String, Object> fields) throws SQLException {
        for (var field : fields.entrySet()) {
            execute(c, "DELETE FROM ticket_fields WHERE ticket_id = ? AND name = ?", id, field.getKey());
            execute(c, "INSERT INTO ticket_fields (ticket_id, name, value_json) VALUES (?, ?, ?)", id, field.getKey(),
                    Json.write(field.getValue()));
        }
    }

    /** The next free numeric id, from the {@code ticket} counter, skipping ids taken by imported tickets. */
    static String nextId(Connection c) throws SQLException {
        long next = counter(c);
        while (TicketRows.version(c, Long.toString(next)) >= 0) {
            next++;
        }
        execute(c, "UPDATE counters SET next_value = ? WHERE name = 'ticket'", next + 1);
        return Long.toString(next);
    }

    private static long counter(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT next_value FROM counters WHERE name = 'ticket' FOR UPDATE")) {
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 1;
            }
        }
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tickets"); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Map<String, Long> countByQueue(Connection c) throws SQLException {
        var out = new LinkedHashMap<String, Long>();
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(queue, ''), COUNT(*) FROM tickets GROUP BY queue ORDER BY 1");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                out.put(rows.getString(1), rows.getLong(2));
            }
        }
        return out;
    }

    static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }
}
