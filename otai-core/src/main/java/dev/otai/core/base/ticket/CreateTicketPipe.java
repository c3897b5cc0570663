package dev.otai.core.base.ticket;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketSystem;
import java.util.List;
import java.util.Map;

/** Creates a ticket; data {@code ticket} and {@code ticket_id}. */
public final class CreateTicketPipe implements Pipe {

    private static final Param<Map<String, Object>> TICKET = NewTicket.param("ticket").mandatory()
            .describedAs("subject/title, body, queue, priority, state, customer, tags, fields");

    public static final PipeType TYPE = PipeType.of("CreateTicketPipe",
            "Creates a ticket from 'ticket' {subject, body, queue, priority, state, customer, tags, fields}.",
            List.of(TICKET),
            Map.of("ticket_system", TicketSystem.class), false,
            setup -> new CreateTicketPipe(setup.service("ticket_system", TicketSystem.class)));

    private final TicketSystem tickets;

    CreateTicketPipe(TicketSystem tickets) {
        this.tickets = tickets;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        Ticket created = tickets.create(NewTicket.from(params.get(TICKET)));
        return PipeResult.success("ticket '" + created.id() + "' created",
                Map.of("ticket", created.toMap(), "ticket_id", created.id()));
    }
}
