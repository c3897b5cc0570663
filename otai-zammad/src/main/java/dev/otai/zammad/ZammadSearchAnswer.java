package dev.otai.zammad;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two shapes of a search answer: a JSON array of tickets (current docs, and with {@code expand=true}) or
 * {@code {"tickets":[ids],"tickets_count":n,"assets":{"Ticket":{"<id>":{…}}}}} (older versions).
 */
final class ZammadSearchAnswer {

    private ZammadSearchAnswer() {
    }

    static List<Map<?, ?>> tickets(Object answer) {
        var out = new ArrayList<Map<?, ?>>();
        if (answer instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(t -> out.add((Map<?, ?>) t));
        } else if (answer instanceof Map<?, ?> map && map.get("tickets") instanceof List<?> ids) {
            Map<?, ?> assets = map.get("assets") instanceof Map<?, ?> a && a.get("Ticket") instanceof Map<?, ?> t ? t : Map.of();
            for (Object id : ids) {
                Object ticket = assets.get(ZammadMapping.text(id));
                out.add(ticket instanceof Map<?, ?> m ? m : Map.of("id", id));
            }
        }
        return out;
    }
}
