package dev.otai.core.base.ticket;

import dev.otai.api.ParamSpec;
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

    public static final PipeType TYPE = PipeType.of("UpdateTicketPipe",
            "Changes a ticket: only the fields given in 'updated_ticket' change.",
            List.of(ParamSpec.string("ticket_id").mandatory().describedAs("the ticket's id"),
                    ParamSpec.map("updated_ticket").aliasedAs("update").mandatory()
                            .describedAs("subject/title, queue, priority, state, type, owner {id|name}, add_tags, remove_tags, fields, note")),
            Map.of("ticket_system", TicketSystem.class), false,
            setup -> new UpdateTicketPipe(setup.service("ticket_system", TicketSystem.class)));

    private final TicketSystem tickets;

    UpdateTicketPipe(TicketSystem tickets) {
        this.tickets = tickets;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        String id = params.string("ticket_id");
        TicketUpdate update = TicketUpdate.from(params.map("updated_ticket"));
        if (update.isEmpty()) {
            return PipeResult.skipped("nothing to change on ticket '" + id + "'");
        }
        tickets.update(id, update);
        return PipeResult.success("ticket '" + id + "' updated", Map.of("ticket_id", id));
    }
}
