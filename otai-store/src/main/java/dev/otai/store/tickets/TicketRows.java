package dev.otai.store.tickets;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.store.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads tickets, with their tags, fields and notes, from the store's tables. */
final class TicketRows {

    static final String COLUMNS = "id, ticket_number, title, body, queue, priority, state, ticket_type, owner_name, "
            + "customer, created_at, updated_at, version";

    private TicketRows() {
    }

    static Optional<Ticket> load(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tickets WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(ticket(c, rows)) : Optional.empty();
            }
        }
    }

    static List<Ticket> find(Connection c, TicketQuery query) throws SQLException {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM tickets WHERE 1 = 1");
        var args = new ArrayList<Object>();
        if (query.queue() != null && !query.queue().isEmpty()) {
            sql.append(" AND queue = ?");
            args.add(name(query.queue()));
        }
        if (!query.states().isEmpty()) {
            sql.append(" AND state IN (").append("?, ".repeat(query.states().size() - 1)).append("?)");
            args.addAll(query.states());
        }
        if (query.updatedSince() != null) {
            sql.append(" AND updated_at > ?");
            args.add(time(query.updatedSince()));
        }
        sql.append(" ORDER BY ").append(order(query.sort())).append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(query.offset());
        args.add(query.limit());
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            var out = new ArrayList<Ticket>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(ticket(c, rows));
                }
            }
            return out;
        }
    }

    private static String order(String sort) {
        return switch (sort == null ? "created" : sort) {
            case "-created" -> "created_at DESC, id DESC";
            case "updated" -> "updated_at, id";
            case "-updated" -> "updated_at DESC, id DESC";
            case "created" -> "created_at, id";
            default -> throw new IllegalArgumentException("sort was \"" + sort
                    + "\"; expected created, -created, updated or -updated");
        };
    }

    private static Ticket ticket(Connection c, ResultSet r) throws SQLException {
        String id = r.getString("id");
        return new Ticket(id, r.getString("ticket_number"), r.getString("title"), r.getString("body"),
                entity(r.getString("queue")), entity(r.getString("priority")), entity(r.getString("state")),
                entity(r.getString("ticket_type")), entity(r.getString("owner_name")), entity(r.getString("customer")),
                tags(c, id), fields(c, id), instant(r, "created_at"), instant(r, "updated_at"), notes(c, id));
    }

    static long version(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM tickets WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        }
    }

    private static List<String> tags(Connection c, String id) throws SQLException {
        var out = new ArrayList<String>();
        try (PreparedStatement s = c.prepareStatement("SELECT tag FROM ticket_tags WHERE ticket_id = ? ORDER BY tag")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> fields(Connection c, String id) throws SQLException {
        var out = new LinkedHashMap<String, Object>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, value_json FROM ticket_fields WHERE ticket_id = ? ORDER BY name")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), Json.read(rows.getString(2)));
                }
            }
        }
        return out;
    }

    private static List<Note> notes(Connection c, String id) throws SQLException {
        var out = new ArrayList<Note>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, subject, body, content_type, visible_to_customer, created_at "
                + "FROM ticket_notes WHERE ticket_id = ? ORDER BY id")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(new Note(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getBoolean(5), instant(rows, "created_at")));
                }
            }
        }
        return out;
    }

    /** The stored name of an entity: its name, else its id. */
    static String name(Entity entity) {
        if (entity == null || entity.isEmpty()) {
            return null;
        }
        return entity.name() != null && !entity.name().isBlank() ? entity.name() : entity.id();
    }

    private static Entity entity(String name) {
        return name == null ? null : new Entity(name, name);
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
