package dev.otai.store.tickets;

import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.api.ticket.WriteReceipt;
import dev.otai.store.Store;
import dev.otai.store.ledger.VersionedTickets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A complete ticket system in the embedded store: queues, priorities, states, types, owners and customers by
 * name, tags, custom fields, notes with visibility, and search with paging. Every change is one transaction
 * and bumps the ticket's version and updated-at.
 */
public final class LocalTicketSystem implements TicketSystem, VersionedTickets {

    static final String DEFAULT_STATE = "new";

    private final Store store;

    public LocalTicketSystem(Store store) {
        this.store = store;
    }

    @Override
    public List<Ticket> find(TicketQuery query) {
        return store.read(c -> TicketRows.find(c, query));
    }

    @Override
    public Optional<Ticket> get(String ticketId) {
        return store.read(c -> TicketRows.load(c, ticketId));
    }

    /** The ticket's version: 1 when created, one more with every change; -1 when there is no such ticket. */
    @Override
    public long version(String ticketId) {
        return store.read(c -> TicketRows.version(c, ticketId));
    }

    public long count() {
        return store.read(c -> TicketWrites.count(c));
    }

    @Override
    public WriteReceipt update(String ticketId, TicketUpdate update) {
        return store.inTransaction(c -> {
            Instant now = store.clock().instant();
            requireTicket(c, ticketId);
            TicketWrites.update(c, ticketId, update, now);
            if (update.note() != null) {
                TicketWrites.addNote(c, ticketId, update.note(), now);
            }
            TicketWrites.touch(c, ticketId, now);
            return new WriteReceipt(now);
        });
    }

    @Override
    public WriteReceipt addNote(String ticketId, Note note) {
        return store.inTransaction(c -> {
            Instant now = store.clock().instant();
            requireTicket(c, ticketId);
            TicketWrites.addNote(c, ticketId, note, now);
            TicketWrites.touch(c, ticketId, now);
            return new WriteReceipt(now);
        });
    }

    @Override
    public Ticket create(NewTicket ticket) {
        return store.inTransaction(c -> {
            String id = TicketWrites.nextId(c);
            Instant now = store.clock().instant();
            TicketWrites.insert(c, new Ticket(id, id, ticket.title(), ticket.body(), ticket.queue(), ticket.priority(),
                    ticket.state(), null, null, ticket.customer(), ticket.tags(), ticket.fields(), now, now, List.of()));
            return TicketRows.load(c, id).orElseThrow();
        });
    }

    /**
     * Stores read ticket records as given (ids, dates and notes kept), replacing any ticket with the same id, in
     * one transaction. Records without an id get the next free one. With {@code seedQueue}, each ticket goes
     * into that queue and its own queue and priority are kept as the fields {@code label_queue} and
     * {@code label_priority} (the answers a pipeline can be scored against).
     */
    void putRecords(List<Map<String, Object>> records, String source, String seedQueue) {
        store.inTransaction(c -> {
            Instant now = store.clock().instant();
            for (Map<String, Object> record : records) {
                String id = record.get("id") == null || record.get("id").toString().isBlank()
                        ? TicketWrites.nextId(c) : record.get("id").toString().strip();
                Ticket ticket = TicketFiles.ticket(record, id, now, source);
                if (seedQueue != null) {
                    ticket = Seeding.intoQueue(ticket, seedQueue);
                }
                TicketWrites.delete(c, id);
                TicketWrites.insert(c, ticket);
            }
            return null;
        });
    }

    /** Every ticket, oldest first, a page at a time. */
    public void forEach(Consumer<Ticket> action) {
        int offset = 0;
        int page = 500;
        List<Ticket> batch;
        do {
            batch = find(new TicketQuery(null, List.of(), page, offset, null, "created"));
            batch.forEach(action);
            offset += page;
        } while (batch.size() == page);
    }

    /** Tickets per queue, for summaries. */
    public Map<String, Long> countByQueue() {
        return store.read(TicketWrites::countByQueue);
    }

    private static void requireTicket(Connection c, String ticketId) throws SQLException {
        if (TicketRows.version(c, ticketId) < 0) {
            throw new NoSuchElementException("ticket '" + ticketId + "' does not exist in the local ticket system");
        }
    }

    @Override
    public String toString() {
        return "local ticket system in " + store.description();
    }
}
