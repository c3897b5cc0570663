package dev.otai.otobo;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads GenericInterface ticket data into the unified model. Ids arrive as strings or numbers, {@code Article}
 * as a list (TicketGet) or a single object (update/create answers), times as {@code YYYY-MM-DD HH:MM:SS} in the
 * server's zone (read as UTC).
 */
final class OtoboMapping {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OtoboMapping() {
    }

    static Ticket ticket(Map<?, ?> t) {
        List<Note> notes = articles(t.get("Article")).stream().map(OtoboMapping::note).toList();
        var fields = new LinkedHashMap<String, Object>();
        if (t.get("DynamicField") instanceof List<?> dynamic) {
            for (Object item : dynamic) {
                if (item instanceof Map<?, ?> field && field.get("Name") != null) {
                    fields.put(field.get("Name").toString(), field.get("Value"));
                }
            }
        }
        String customer = text(t.get("CustomerUserID"));
        return new Ticket(text(t.get("TicketID")), text(t.get("TicketNumber")), text(t.get("Title")),
                notes.isEmpty() ? "" : notes.getFirst().body(), entity(t, "Queue"), entity(t, "Priority"),
                entity(t, "State"), entity(t, "Type"), entity(t, "Owner"),
                customer == null ? null : new Entity(customer, customer), List.of(), fields,
                time(t.get("Created")), time(t.get("Changed")), notes);
    }

    /** {@code Article} as TicketGet gives it (a list) or as update answers give it (one object). */
    static List<Map<?, ?>> articles(Object value) {
        return switch (value) {
            case null -> List.of();
            case List<?> list -> list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(item -> (Map<?, ?>) item).toList();
            case Map<?, ?> one -> List.of(one);
            default -> List.of();
        };
    }

    static Note note(Map<?, ?> a) {
        String contentType = a.get("ContentType") != null ? text(a.get("ContentType")) : text(a.get("MimeType"));
        return new Note(text(a.get("ArticleID")), text(a.get("Subject")), text(a.get("Body")), contentType,
                flag(a.get("IsVisibleForCustomer")), time(a.get("CreateTime")));
    }

    private static Entity entity(Map<?, ?> t, String name) {
        String id = text(t.get(name + "ID"));
        String value = text(t.get(name));
        return id == null && value == null ? null : new Entity(id, value);
    }

    static boolean flag(Object value) {
        return value != null && (Boolean.TRUE.equals(value) || "1".equals(text(value)) || "true".equalsIgnoreCase(text(value)));
    }

    /** Text of a string or number; whole doubles lose their {@code .0}. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    static Instant time(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.toString(), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
