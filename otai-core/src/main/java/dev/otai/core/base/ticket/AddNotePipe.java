package dev.otai.core.base.ticket;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketSystem;
import java.util.List;
import java.util.Map;

/** Adds a note to a ticket: internal unless {@code visible_to_customer: true}. */
public final class AddNotePipe implements Pipe {

    private static final Param<String> TICKET_ID = Param.string("ticket_id").mandatory().describedAs("the ticket's id");
    private static final Param<Object> NOTE = Note.param("note").mandatory();
    private static final Param<Boolean> VISIBLE_TO_CUSTOMER = Param.bool("visible_to_customer").defaultsTo(false)
            .describedAs("publish the note to the customer (default: internal)");

    public static final PipeType TYPE = PipeType.of("AddNotePipe",
            "Adds a note to a ticket; internal unless visible_to_customer is true.",
            List.of(TICKET_ID, NOTE, VISIBLE_TO_CUSTOMER),
            Map.of("ticket_system", TicketSystem.class), true,
            setup -> new AddNotePipe(setup.service("ticket_system", TicketSystem.class)));

    private final TicketSystem tickets;

    AddNotePipe(TicketSystem tickets) {
        this.tickets = tickets;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        String id = params.get(TICKET_ID);
        boolean visible = params.get(VISIBLE_TO_CUSTOMER);
        Note given = Note.from(params.get(NOTE), visible);
        Note note = new Note(given.id(), given.subject(), given.body(), given.contentType(), visible || given.visibleToCustomer(), null);
        tickets.addNote(id, note);
        return PipeResult.success("note added to ticket '" + id + "'", Map.of("ticket_id", id));
    }
}
