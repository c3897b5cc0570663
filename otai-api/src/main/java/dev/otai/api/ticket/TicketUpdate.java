package dev.otai.api.ticket;

import dev.otai.api.Param;
import java.util.List;
import java.util.Map;

/**
 * Changes to one ticket: only the non-null fields change. OTAI's {@code updated_ticket} ({@code subject},
 * {@code queue}, {@code priority}, {@code notes}) reads into this.
 *
 * @param note an internal note to add with the change, or null
 */
public record TicketUpdate(String title, Entity queue, Entity priority, Entity state, Entity type, Entity owner,
                           List<String> addTags, List<String> removeTags, Map<String, Object> fields, Note note) {

    public TicketUpdate {
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public boolean isEmpty() {
        return title == null && queue == null && priority == null && state == null && type == null && owner == null
                && addTags.isEmpty() && removeTags.isEmpty() && fields.isEmpty() && note == null;
    }

    /**
     * The shape of an {@code updated_ticket} param: the keys {@link #from} reads, plus {@code id}, {@code body}
     * and {@code customer}, which OTAI's {@code UnifiedTicket} accepts and which change nothing.
     */
    public static Param<Map<String, Object>> param(String name) {
        return Param.map(name).withFields(
                Param.string("title").aliasedAs("subject").describedAs("the new subject line"),
                Entity.param("queue"), Entity.param("priority"), Entity.param("state"), Entity.param("type"),
                Entity.param("owner"),
                tags("add_tags"), tags("remove_tags"),
                Param.map("fields").describedAs("custom or dynamic fields by name"),
                Note.param("note").describedAs("a note added with the change"),
                Param.list("notes").ofItems(Note.param("note")).describedAs("OTAI's notes; the last one is added"),
                Param.string("id").describedAs("accepted for OTAI configs; the ticket is the one named by ticket_id"),
                Param.string("body").describedAs("accepted for OTAI configs; changes nothing"),
                Entity.param("customer").describedAs("accepted for OTAI configs; changes nothing"));
    }

    private static Param<Object> tags(String name) {
        return Param.either(name, Param.list(name).ofItems(Param.string("tag")), Param.string(name))
                .describedAs("a tag or a list of tags");
    }

    /** Reads an {@code updated_ticket} mapping; OTAI's {@code notes} list contributes its last entry as the note. */
    public static TicketUpdate from(Map<String, Object> map) {
        Object title = map.containsKey("title") ? map.get("title") : map.get("subject");
        Note note = null;
        if (map.get("note") != null) {
            note = Note.from(map.get("note"), false);
        } else if (map.get("notes") instanceof List<?> notes && !notes.isEmpty()) {
            note = Note.from(notes.getLast(), false);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = map.get("fields") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
        return new TicketUpdate(title == null ? null : title.toString(), Entity.from(map.get("queue")),
                Entity.from(map.get("priority")), Entity.from(map.get("state")), Entity.from(map.get("type")),
                Entity.from(map.get("owner")), strings(map.get("add_tags")), strings(map.get("remove_tags")), fields, note);
    }

    private static List<String> strings(Object value) {
        return switch (value) {
            case null -> List.of();
            case List<?> list -> list.stream().map(String::valueOf).toList();
            default -> List.of(value.toString());
        };
    }
}
