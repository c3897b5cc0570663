package dev.otai.api.ticket;

import dev.otai.api.Param;
import java.util.List;
import java.util.Map;

/** A ticket to create. */
public record NewTicket(String title, String body, Entity queue, Entity priority, Entity state, Entity customer,
                        List<String> tags, Map<String, Object> fields) {

    public NewTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** The shape of a param holding a new ticket: the keys {@link #from} reads. */
    public static Param<Map<String, Object>> param(String name) {
        return Param.map(name).withFields(
                Param.string("title").aliasedAs("subject").describedAs("the subject line"),
                Param.string("body").describedAs("the text of the first article"),
                Entity.param("queue"), Entity.param("priority"), Entity.param("state"), Entity.param("customer"),
                Param.list("tags").ofItems(Param.string("tag")),
                Param.map("fields").describedAs("custom or dynamic fields by name"));
    }

    public static NewTicket from(Map<String, Object> map) {
        Object title = map.containsKey("title") ? map.get("title") : map.get("subject");
        Object tags = map.get("tags");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = map.get("fields") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
        return new NewTicket(title == null ? "" : title.toString(), map.get("body") == null ? "" : map.get("body").toString(),
                Entity.from(map.get("queue")), Entity.from(map.get("priority")), Entity.from(map.get("state")),
                Entity.from(map.get("customer")),
                tags instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(), fields);
    }
}
