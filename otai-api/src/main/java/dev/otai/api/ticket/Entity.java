package dev.otai.api.ticket;

import dev.otai.api.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named thing of a helpdesk referred to by id, name or both: a queue (Zammad: group), a priority, a state, a
 * type, a user.
 */
public record Entity(String id, String name) {

    public static Entity named(String name) {
        return new Entity(null, name);
    }

    public static Entity ofId(String id) {
        return new Entity(id, null);
    }

    public boolean isEmpty() {
        return (id == null || id.isBlank()) && (name == null || name.isBlank());
    }

    /** {@code {id, name}} as templates see it; absent parts are left out. */
    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", id);
        map.put("name", name);
        return map;
    }

    /**
     * The shape of a param that names an entity: a number (its id), text (its name) or {@code {id, name}}.
     */
    public static Param<Object> param(String name) {
        return Param.either(name, Param.integer(name), Param.string(name),
                Param.map(name).withFields(Param.string("id"), Param.string("name")))
                .describedAs("a name, an id, or {id, name}");
    }

    /**
     * Reads {@code {id, name}}, a bare string (taken as the name) or a number (taken as the id); null for
     * null.
     */
    public static Entity from(Object value) {
        return switch (value) {
            case null -> null;
            case Entity entity -> entity;
            case Map<?, ?> map -> new Entity(text(map.get("id")), text(map.get("name")));
            case Number number -> ofId(number.toString());
            default -> named(value.toString());
        };
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return name != null ? name : "#" + id;
    }
}
