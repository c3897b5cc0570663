package dev.otai.store.ledger;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The exact content of a write, as the ledger records and prints it, and whether a ticket already shows it. */
final class Changes {

    private Changes() {
    }

    static Map<String, Object> of(TicketUpdate u) {
        var map = new LinkedHashMap<String, Object>();
        put(map, "title", u.title());
        put(map, "queue", name(u.queue()));
        put(map, "priority", name(u.priority()));
        put(map, "state", name(u.state()));
        put(map, "type", name(u.type()));
        put(map, "owner", name(u.owner()));
        if (!u.addTags().isEmpty()) {
            map.put("add_tags", u.addTags());
        }
        if (!u.removeTags().isEmpty()) {
            map.put("remove_tags", u.removeTags());
        }
        if (!u.fields().isEmpty()) {
            map.put("fields", new TreeMap<>(u.fields()));
        }
        if (u.note() != null) {
            map.put("note", of(u.note()));
        }
        return map;
    }

    static Map<String, Object> of(Note note) {
        var map = new LinkedHashMap<String, Object>();
        map.put("subject", note.subject());
        map.put("body", note.body());
        map.put("content_type", note.contentType());
        map.put("visible_to_customer", note.visibleToCustomer());
        return map;
    }

    static Map<String, Object> of(NewTicket t) {
        var map = new LinkedHashMap<String, Object>();
        map.put("title", t.title());
        map.put("body", t.body());
        put(map, "queue", name(t.queue()));
        put(map, "priority", name(t.priority()));
        put(map, "state", name(t.state()));
        put(map, "customer", name(t.customer()));
        return map;
    }

    /** Whether {@code t} already shows every change of {@code u} (used after a crash left the write unconfirmed). */
    static boolean present(Ticket t, TicketUpdate u) {
        return matches(u.title(), t.title()) && same(u.queue(), t.queue()) && same(u.priority(), t.priority())
                && same(u.state(), t.state()) && same(u.type(), t.type()) && same(u.owner(), t.owner())
                && t.tags().containsAll(u.addTags()) && u.removeTags().stream().noneMatch(t.tags()::contains)
                && u.fields().entrySet().stream().allMatch(f -> Objects.equals(String.valueOf(t.fields().get(f.getKey())),
                        String.valueOf(f.getValue())))
                && (u.note() == null || hasNote(t, u.note()));
    }

    static boolean hasNote(Ticket t, Note note) {
        return t.notes().stream().anyMatch(n -> n.body().strip().equals(note.body().strip())
                && (note.subject().isEmpty() || n.subject().equals(note.subject())));
    }

    static Ticket planned(NewTicket t) {
        return new Ticket("dry-run", null, t.title(), t.body(), t.queue(), t.priority(), t.state(), null, null, t.customer(),
                t.tags(), t.fields(), null, null, List.of());
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static boolean same(Entity wanted, Entity actual) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        return wanted.name() != null ? wanted.name().equals(actual.name()) : Objects.equals(wanted.id(), actual.id());
    }

    private static String name(Entity e) {
        return e == null || e.isEmpty() ? null : e.toString();
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
