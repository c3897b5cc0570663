package dev.otai.core.base.ticket;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.TicketUpdate;
import java.util.List;
import java.util.Map;

/** Changes fields of one ticket (title, queue, priority, state, type, owner, tags, custom fields). */
public final class UpdateTicketPipe implements Pipe {

    private static final Param<String> TICKET_ID = Param.string("ticket_id").mandatory().describedAs("the ticket's id");
    private static final Param<Map<String, Object>> UPDATED_TICKET = TicketUpdate.param("updated_ticket").aliasedAs("update")
            .mandatory().describedAs("subject/title, queue, priority, state, type, owner {id|name}, add_tags, remove_tags, fields, note");

    public static final PipeType TYPE = PipeType.of("UpdateTicketPipe",
            "Changes a ticket: only the fields given in 'updated_ticket' change.",
            List.of(TICKET_ID, UPDATED_TICKET),
            Map.of("ticket_system", TicketSystem.class), false,
            setup -> new UpdateTicketPipe(setup.service("ticket_system", TicketSystem.class)));

    private final TicketSystem tickets;

    UpdateTicketPipe(TicketSystem tickets) {
        this.tickets = tickets;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        String id = params.get(TICKET_ID);
        TicketUpdate update = TicketUpdate.from(params.get(UPDATED_TICKET));
        if (update.isEmpty()) {
            return PipeResult.skipped("nothing to change on ticket '" + id + "'");
        }
        tickets.update(id, update);
        return PipeResult.success("ticket '" + id + "' updated", Map.of("ticket_id", id));
    }
}
