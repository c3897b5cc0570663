package dev.otai.api.ticket;

import java.util.List;
import java.util.Optional;

/**
 * A helpdesk, as the ticket pipes use it. Implementations are services: created once per config entry, shared
 * by every pipe that injects them, and safe to call from several threads at once.
 */
public interface TicketSystem {

    List<Ticket> find(TicketQuery query) throws Exception;

    Optional<Ticket> get(String ticketId) throws Exception;

    /**
     * Applies the non-null fields of {@code update}; a note in it is added as well. Returns the ticket's updated-at
     * when the helpdesk's answer carries it ({@link WriteReceipt#unknown()} otherwise; never null).
     */
    WriteReceipt update(String ticketId, TicketUpdate update) throws Exception;

    /** Adds {@code note}; returns what the answer says about the ticket, as {@link #update} does. */
    WriteReceipt addNote(String ticketId, Note note) throws Exception;

    Ticket create(NewTicket ticket) throws Exception;

    /**
     * Authenticates and runs a one-ticket search; returns what worked, in one line, or throws naming what did
     * not. Used by {@code otai check-connection}.
     */
    default String checkConnection() throws Exception {
        int found = find(new TicketQuery(null, List.of(), 1, 0, null, null)).size();
        return "one-ticket search returned " + found + " ticket" + (found == 1 ? "" : "s");
    }
}
