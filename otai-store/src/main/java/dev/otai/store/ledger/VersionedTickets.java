package dev.otai.store.ledger;

/**
 * A capability a ticket system may offer the effect ledger: an exact version per ticket that changes with every
 * write. The ledger keys writes by it; a ticket system without it is keyed by its tickets' updated-at instead.
 */
public interface VersionedTickets {

    /** The ticket's version: different after every change to it; negative when there is no such ticket. */
    long version(String ticketId);
}
