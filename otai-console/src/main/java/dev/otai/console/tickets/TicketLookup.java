package dev.otai.console.tickets;

import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.core.engine.Engine;
import java.util.List;
import java.util.Optional;

/**
 * Reads tickets as the helpdesk shows them now, through the engine's ticket system service. The console asks only
 * when the config has exactly one (it cannot tell which of several a write went to).
 */
public final class TicketLookup {

    private final TicketSystem tickets;
    private final String unavailable;

    private TicketLookup(TicketSystem tickets, String unavailable) {
        this.tickets = tickets;
        this.unavailable = unavailable;
    }

    public static TicketLookup of(Engine engine) {
        List<TicketSystem> systems = engine.assembly().services().values().stream()
                .filter(TicketSystem.class::isInstance).map(TicketSystem.class::cast).toList();
        if (systems.size() == 1) {
            return new TicketLookup(systems.getFirst(), null);
        }
        return new TicketLookup(null, systems.isEmpty() ? "the config has no ticket system service"
                : "the config has " + systems.size() + " ticket system services, and the ledger does not say which one a write went to");
    }

    /** Why the helpdesk cannot be asked; empty when it can. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** The one ticket system of the config; empty when {@link #unavailable()} says why there is none. */
    public Optional<TicketSystem> tickets() {
        return Optional.ofNullable(tickets);
    }

    /** The ticket as the helpdesk shows it now; empty when it has no such ticket. Throws when the helpdesk cannot be reached. */
    public Optional<Ticket> get(String ticketId) throws Exception {
        if (tickets == null) {
            throw new IllegalStateException(unavailable);
        }
        return tickets.get(ticketId);
    }
}
