package dev.otai.core.base.ticket;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketSystem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one ticket; data {@code ticket}. Fails when the ticket does not exist. */
public final class GetTicketPipe implements Pipe {

    private static final Param<String> TICKET_ID = Param.string("ticket_id").mandatory().describedAs("the ticket's id");

    public static final PipeType TYPE = PipeType.of("GetTicketPipe",
            "Reads one ticket by id; data 'ticket'. Fails when it does not exist.",
            List.of(TICKET_ID),
            Map.of("ticket_system", TicketSystem.class), false,
            setup -> new GetTicketPipe(setup.service("ticket_system", TicketSystem.class)));

    private final TicketSystem tickets;

    GetTicketPipe(TicketSystem tickets) {
        this.tickets = tickets;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        String id = params.get(TICKET_ID);
        Optional<Ticket> ticket = tickets.get(id);
        return ticket.map(t -> PipeResult.success(Map.of("ticket", t.toMap(), "value", t.toMap())))
                .orElseGet(() -> PipeResult.failed("ticket '" + id + "' not found"));
    }
}
