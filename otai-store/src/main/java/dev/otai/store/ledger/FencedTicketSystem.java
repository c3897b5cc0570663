package dev.otai.store.ledger;

import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.api.ticket.WriteReceipt;
import java.util.List;
import java.util.Optional;

/**
 * A ticket system in a cluster with the effect ledger turned off: reads pass, and each write of a run is sent
 * only while this node still holds the run's runner under the epoch the run started with ({@link WriteFence}).
 */
final class FencedTicketSystem implements TicketSystem {

    private final TicketSystem delegate;
    private final LedgerDecorator decorator;

    FencedTicketSystem(TicketSystem delegate, LedgerDecorator decorator) {
        this.delegate = delegate;
        this.decorator = decorator;
    }

    @Override
    public List<Ticket> find(TicketQuery query) throws Exception {
        return delegate.find(query);
    }

    @Override
    public Optional<Ticket> get(String ticketId) throws Exception {
        return delegate.get(ticketId);
    }

    @Override
    public WriteReceipt update(String ticketId, TicketUpdate update) throws Exception {
        check("update of ticket '" + ticketId + "'");
        return delegate.update(ticketId, update);
    }

    @Override
    public WriteReceipt addNote(String ticketId, Note note) throws Exception {
        check("note on ticket '" + ticketId + "'");
        return delegate.addNote(ticketId, note);
    }

    @Override
    public Ticket create(NewTicket ticket) throws Exception {
        check("ticket creation");
        return delegate.create(ticket);
    }

    @Override
    public String checkConnection() throws Exception {
        return delegate.checkConnection();
    }

    private void check(String what) {
        decorator.step().ifPresent(step ->
                decorator.fence().check(step.run(), () -> "step '" + step.stepId() + "': " + what));
    }

    @Override
    public String toString() {
        return "fenced(" + delegate + ")";
    }
}
