package dev.otai.zammad;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Zammad tickets and articles into the unified model. Names ({@code group}, {@code priority},
 * {@code state}) come with {@code expand=true}; without them, a {@link Lookups} table resolves the ids.
 */
final class ZammadMapping {

    private static final Set<String> KNOWN = Set.of("id", "number", "title", "group", "group_id", "priority",
            "priority_id", "state", "state_id", "owner", "owner_id", "customer", "customer_id", "organization",
            "organization_id", "created_at", "updated_at", "article_ids", "article_count", "created_by", "updated_by",
            "created_by_id", "updated_by_id", "create_article_type", "create_article_sender", "create_article_type_id",
            "create_article_sender_id", "type");

    /** Names by id, for answers without {@code expand}. */
    interface Lookups {
        String name(String kind, Object id);
    }

    private ZammadMapping() {
    }

    static Ticket ticket(Map<?, ?> t, List<Note> notes, List<String> tags, Lookups lookups) {
        var fields = new LinkedHashMap<String, Object>();
        t.forEach((key, value) -> {
            if (!KNOWN.contains(String.valueOf(key)) && !String.valueOf(key).endsWith("_id")) {
                fields.put(String.valueOf(key), value);
            }
        });
        return new Ticket(text(t.get("id")), text(t.get("number")), text(t.get("title")),
                notes.isEmpty() ? "" : notes.getFirst().body(), entity(t, "group", lookups), entity(t, "priority", lookups),
                entity(t, "state", lookups), t.get("type") == null ? null : Entity.named(text(t.get("type"))),
                entity(t, "owner", null), entity(t, "customer", null), tags, fields, time(t.get("created_at")),
                time(t.get("updated_at")), notes);
    }

    private static Entity entity(Map<?, ?> t, String kind, Lookups lookups) {
        Object id = t.get(kind + "_id");
        Object name = t.get(kind) instanceof Map<?, ?> nested ? nested.get("name") : t.get(kind);
        if (name == null && id != null && lookups != null) {
            name = lookups.name(kind, id);
        }
        return id == null && name == null ? null : new Entity(text(id), text(name));
    }

    static List<Note> notes(Object articles) {
        var out = new ArrayList<Note>();
        if (articles instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> a) {
                    out.add(note(a));
                }
            }
        }
        return out;
    }

    static Note note(Map<?, ?> a) {
        return new Note(text(a.get("id")), text(a.get("subject")), text(a.get("body")), text(a.get("content_type")),
                !Boolean.parseBoolean(String.valueOf(a.get("internal"))), time(a.get("created_at")));
    }

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
        try {
            return value == null ? null : Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
