package dev.otai.api.ticket;

import dev.otai.api.Param;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    private static final Param<Object> QUEUE = Entity.param("queue");
    private static final Param<Object> STATES = Param.either("states",
            Param.list("states").ofItems(Entity.param("state")), Entity.param("states")).aliasedAs("state")
            .describedAs("state names (or one), any state when absent");
    private static final Param<Long> LIMIT = Param.integer("limit").constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("the most tickets to return (default 10)");
    private static final Param<Long> OFFSET = Param.integer("offset").constrained(v -> v >= 0, "an integer of at least 0")
            .describedAs("matching tickets to skip");
    private static final Param<Long> PAGE = Param.integer("page").constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("1-based page of 'limit' tickets, instead of offset");
    private static final Param<String> UPDATED_SINCE = Param.string("updated_since")
            .constrained(TicketQuery::instant, "an ISO-8601 instant such as 2025-01-31T08:00:00Z")
            .describedAs("only tickets changed after this instant");
    private static final Param<String> SORT = Param.string("sort").oneOf("created", "-created", "updated", "-updated")
            .describedAs("order by creation or last change; '-' for newest first");

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

    /** The shape of a {@code ticket_search_criteria} param: the keys {@link #from} reads. */
    public static Param<Map<String, Object>> param(String name) {
        return Param.map(name).withFields(QUEUE, STATES, LIMIT, OFFSET, PAGE, UPDATED_SINCE, SORT);
    }

    private static boolean instant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Reads {@code {queue, states|state, limit, offset|page, updated_since, sort}}. */
    public static TicketQuery from(Map<String, Object> map) {
        Object states = map.containsKey(STATES.name()) ? map.get(STATES.name()) : map.get("state");
        List<String> stateNames = switch (states) {
            case null -> List.of();
            case List<?> list -> list.stream().map(item -> item instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(item)).toList();
            case Map<?, ?> m -> List.of(String.valueOf(m.get("name")));
            default -> List.of(states.toString());
        };
        int limit = integer(map.get(LIMIT.name()), DEFAULT_LIMIT);
        int offset = map.containsKey(PAGE.name()) ? (integer(map.get(PAGE.name()), 1) - 1) * limit
                : integer(map.get(OFFSET.name()), 0);
        Object since = map.get(UPDATED_SINCE.name());
        Object sort = map.get(SORT.name());
        return new TicketQuery(Entity.from(map.get(QUEUE.name())), stateNames, limit, offset,
                since == null ? null : Instant.parse(since.toString()), sort == null ? null : sort.toString());
    }

    private static int integer(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
    }
}
