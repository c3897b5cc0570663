package dev.otai.bench;

import dev.otai.api.ticket.Ticket;
import dev.otai.testkit.InMemoryTicketSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Seeds tickets into the demo's incoming queue and checks afterwards that each got its 2 updates and 2 notes. */
final class DemoTickets {

    static final String INCOMING = "OpenTicketAI::Incoming";

    private static final String[] SUBJECTS = {
        "Printer on floor %d does not print", "Invoice %d looks wrong", "VPN drops every few minutes (%d)",
        "Urgent: mailbox %d full", "Question about contract %d",
    };
    private static final String BODY = "Hello support, since this morning ticket %d shows the problem again. "
            + "We restarted the device and checked the cables, nothing helped. Please have a look soon. Kind regards";

    private DemoTickets() {
    }

    /** Adds {@code count} tickets with ids {@code first…first+count-1}; returns their ids. */
    static List<String> seed(InMemoryTicketSystem system, int first, int count) {
        var ids = new ArrayList<String>(count);
        for (int i = first; i < first + count; i++) {
            String id = Integer.toString(i);
            system.add(id, SUBJECTS[i % SUBJECTS.length].formatted(i), BODY.formatted(i), INCOMING);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Checks that every ticket was updated exactly twice, got exactly two notes and left the incoming queue, and
     * that no other ticket was touched; returns the problems, empty when all is well.
     */
    static List<String> verify(InMemoryTicketSystem system, List<String> ids) {
        var updates = new HashMap<String, Integer>();
        var notes = new HashMap<String, Integer>();
        for (String call : system.calls()) {
            if (call.startsWith("update ")) {
                updates.merge(call.substring(7), 1, Integer::sum);
            } else if (call.startsWith("addNote ")) {
                notes.merge(call.substring(8), 1, Integer::sum);
            }
        }
        var problems = new ArrayList<String>();
        for (String id : ids) {
            Ticket ticket = system.ticket(id);
            int u = updates.getOrDefault(id, 0);
            int n = notes.getOrDefault(id, 0);
            if (u != 2 || n != 2 || ticket.notes().size() != 3 || INCOMING.equals(ticket.queue().name())) {
                problems.add("ticket " + id + ": " + u + " updates, " + n + " notes, queue " + ticket.queue().name()
                        + "; expected 2 updates, 2 notes and a queue other than " + INCOMING);
            }
        }
        if (updates.size() != ids.size() || notes.size() != ids.size()) {
            problems.add(updates.size() + " tickets updated and " + notes.size() + " noted; expected " + ids.size());
        }
        return problems.size() > 5 ? List.copyOf(problems.subList(0, 5)) : problems;
    }
}
