package dev.otai.api.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket as every adapter reports it.
 *
 * @param title   the subject line (OTAI calls it {@code subject})
 * @param body    the text of the first article
 * @param fields  custom or dynamic fields by name
 * @param notes   articles, oldest first
 */
public record Ticket(String id, String number, String title, String body, Entity queue, Entity priority, Entity state,
                     Entity type, Entity owner, Entity customer, List<String> tags, Map<String, Object> fields,
                     Instant created, Instant updated, List<Note> notes) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        tags = tags == null ? List.of() : List.copyOf(tags);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The ticket as templates see it. Keys follow OTAI's names ({@code subject}, {@code queue.name},
     * {@code priority.name}, {@code notes}), plus the fields OTAI lacks.
     */
    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", id);
        map.put("number", number);
        map.put("subject", title);
        map.put("title", title);
        map.put("body", body);
        map.put("queue", queue == null ? null : queue.toMap());
        map.put("priority", priority == null ? null : priority.toMap());
        map.put("state", state == null ? null : state.toMap());
        map.put("type", type == null ? null : type.toMap());
        map.put("owner", owner == null ? null : owner.toMap());
        map.put("customer", customer == null ? null : customer.toMap());
        map.put("tags", tags);
        map.put("fields", fields);
        map.put("created", created == null ? null : created.toString());
        map.put("updated", updated == null ? null : updated.toString());
        var noteMaps = new ArrayList<Object>(notes.size());
        notes.forEach(note -> noteMaps.add(note.toMap()));
        map.put("notes", noteMaps);
        return map;
    }
}
