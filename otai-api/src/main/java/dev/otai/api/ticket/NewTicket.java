package dev.otai.api.ticket;

import java.util.List;
import java.util.Map;

/** A ticket to create. */
public record NewTicket(String title, String body, Entity queue, Entity priority, Entity state, Entity customer,
                        List<String> tags, Map<String, Object> fields) {

    public NewTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
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
