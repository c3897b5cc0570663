package dev.otai.api.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What to search for. OTAI's {@code ticket_search_criteria} ({@code queue}, {@code limit}, {@code offset}) reads
 * into this.
 *
 * @param queue        by id or name, or null for any queue
 * @param states       state names, or empty for any state
 * @param limit        the most tickets to return
 * @param offset       how many matching tickets to skip (paging)
 * @param updatedSince only tickets changed after this, or null
 * @param sort         {@code created}, {@code -created}, {@code updated} or {@code -updated}; null for the helpdesk's order
 */
public record TicketQuery(Entity queue, List<String> states, int limit, int offset, Instant updatedSince, String sort) {

    public static final int DEFAULT_LIMIT = 10;

    public TicketQuery {
        states = states == null ? List.of() : List.copyOf(states);
        if (limit < 1) {
            throw new IllegalArgumentException("limit was " + limit + "; expected at least 1");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset was " + offset + "; expected 0 or more");
        }
    }

    public static TicketQuery inQueue(String queueName, int limit) {
        return new TicketQuery(Entity.named(queueName), List.of(), limit, 0, null, null);
    }

    public TicketQuery withOffset(int newOffset) {
        return new TicketQuery(queue, states, limit, newOffset, updatedSince, sort);
    }

    /** Reads {@code {queue, states|state, limit, offset|page, updated_since, sort}}. */
    public static TicketQuery from(Map<String, Object> map) {
        Object states = map.containsKey("states") ? map.get("states") : map.get("state");
        List<String> stateNames = switch (states) {
            case null -> List.of();
            case List<?> list -> list.stream().map(item -> item instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(item)).toList();
            case Map<?, ?> m -> List.of(String.valueOf(m.get("name")));
            default -> List.of(states.toString());
        };
        int limit = integer(map.get("limit"), DEFAULT_LIMIT);
        int offset = map.containsKey("page") ? (integer(map.get("page"), 1) - 1) * limit : integer(map.get("offset"), 0);
        Object since = map.get("updated_since");
        Object sort = map.get("sort");
        return new TicketQuery(Entity.from(map.get("queue")), stateNames, limit, offset,
                since == null ? null : Instant.parse(since.toString()), sort == null ? null : sort.toString());
    }

    private static int integer(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
    }
}
