package dev.otai.store.tickets;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Ticket;
import java.util.LinkedHashMap;

/** Puts a sample ticket into an inbox queue, keeping its true queue and priority as label fields. */
final class Seeding {

    static final String LABEL_QUEUE = "label_queue";
    static final String LABEL_PRIORITY = "label_priority";

    private Seeding() {
    }

    static Ticket intoQueue(Ticket t, String queue) {
        var fields = new LinkedHashMap<>(t.fields());
        if (t.queue() != null) {
            fields.putIfAbsent(LABEL_QUEUE, TicketRows.name(t.queue()));
        }
        if (t.priority() != null) {
            fields.putIfAbsent(LABEL_PRIORITY, TicketRows.name(t.priority()));
        }
        return new Ticket(t.id(), t.number(), t.title(), t.body(), Entity.named(queue), t.priority(), t.state(), t.type(),
                t.owner(), t.customer(), t.tags(), fields, t.created(), t.updated(), t.notes());
    }
}
