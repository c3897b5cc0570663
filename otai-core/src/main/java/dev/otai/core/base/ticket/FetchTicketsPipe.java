package dev.otai.core.base.ticket;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Searches the injected ticket system; data {@code fetched_tickets} is the list of tickets found (maybe empty). */
public final class FetchTicketsPipe implements Pipe {

    private static final Param<Map<String, Object>> CRITERIA = TicketQuery.param("ticket_search_criteria").aliasedAs("query")
            .mandatory().describedAs("queue {id|name}, states, limit (default 10), offset or page, updated_since, sort");

    public static final PipeType TYPE = PipeType.of("FetchTicketsPipe",
            "Searches tickets; data 'fetched_tickets' (a list, possibly empty) and 'count'.",
            List.of(CRITERIA),
            Map.of("ticket_system", TicketSystem.class), false,
            setup -> new FetchTicketsPipe(setup.service("ticket_system", TicketSystem.class)));

    private final TicketSystem tickets;

    FetchTicketsPipe(TicketSystem tickets) {
        this.tickets = tickets;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        TicketQuery query = TicketQuery.from(params.get(CRITERIA));
        List<Ticket> found = tickets.find(query);
        var maps = new ArrayList<Object>(found.size());
        found.forEach(ticket -> maps.add(ticket.toMap()));
        return PipeResult.success(found.size() + " tickets found", Map.of("fetched_tickets", maps, "count", found.size()));
    }
}
