package dev.otai.api.ticket;

import dev.otai.api.Param;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A note (article) on a ticket.
 *
 * @param visibleToCustomer false for internal notes, the default for notes the engine writes
 * @param contentType       {@code text/plain} or {@code text/html}, without a charset
 */
public record Note(String id, String subject, String body, String contentType, boolean visibleToCustomer, Instant created) {

    public Note {
        subject = Objects.requireNonNullElse(subject, "");
        body = Objects.requireNonNullElse(body, "");
        contentType = normaliseContentType(contentType);
    }

    public static Note internal(String subject, String body) {
        return new Note(null, subject, body, "text/plain", false, null);
    }

    /** Strips parameters such as {@code ; charset=utf8}, which some helpdesks reject. */
    public static String normaliseContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "text/plain";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", id);
        map.put("subject", subject);
        map.put("body", body);
        map.put("content_type", contentType);
        map.put("visible_to_customer", visibleToCustomer);
        map.put("created", created == null ? null : created.toString());
        return map;
    }

    /**
     * The shape of a param holding a note: its body as text, or {@code {subject, body, content_type,
     * visible_to_customer}}. Other keys are accepted, as OTAI's {@code UnifiedNote} accepts them.
     */
    public static Param<Object> param(String name) {
        return Param.either(name, Param.string(name), Param.map(name).withFields(
                        Param.string("id"), Param.string("subject"), Param.string("body"),
                        Param.string("content_type").describedAs("text/plain or text/html; a charset is dropped"),
                        Param.bool("visible_to_customer").aliasedAs("is_visible_for_customer"))
                .allowingOtherKeys())
                .describedAs("the body text, or {subject, body, content_type, visible_to_customer}");
    }

    /** Reads {@code {subject, body, content_type, visible_to_customer}}; a bare string is the body. */
    public static Note from(Object value, boolean defaultVisible) {
        if (value instanceof Note note) {
            return note;
        }
        if (value instanceof Map<?, ?> map) {
            Object visible = map.containsKey("visible_to_customer") ? map.get("visible_to_customer") : map.get("is_visible_for_customer");
            return new Note(Entity.text(map.get("id")), Entity.text(map.get("subject")), Entity.text(map.get("body")),
                    Entity.text(map.get("content_type")),
                    visible == null ? defaultVisible : Boolean.parseBoolean(visible.toString()), null);
        }
        return new Note(null, "", value == null ? "" : value.toString(), "text/plain", defaultVisible, null);
    }
}
