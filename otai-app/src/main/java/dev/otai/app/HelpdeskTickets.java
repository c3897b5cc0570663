package dev.otai.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads labelled tickets straight from a configured helpdesk for {@code otai model train --from-service}: the
 * tickets of the given queues, page by page, as records with the fields of the sample data
 * ({@code id, subject, body, queue, priority, state}).
 */
final class HelpdeskTickets {

    private static final int PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HelpdeskTickets() {
    }

    static List<Map<String, String>> fetch(TicketSystem tickets, List<String> queues, int most) throws Exception {
        var out = new ArrayList<Map<String, String>>();
        for (String queue : queues) {
            int before = out.size();
            for (int offset = 0; out.size() - before < most; offset += PAGE) {
                List<Ticket> page = tickets.find(TicketQuery.inQueue(queue, PAGE).withOffset(offset));
                page.stream().limit(most - (out.size() - before)).forEach(t -> out.add(record(t, queue)));
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return out;
    }

    private static Map<String, String> record(Ticket ticket, String queue) {
        var record = new LinkedHashMap<String, String>();
        record.put("id", ticket.id());
        record.put("subject", nullToEmpty(ticket.title()));
        record.put("body", nullToEmpty(ticket.body()));
        record.put("queue", ticket.queue() == null || ticket.queue().name() == null ? queue : ticket.queue().name());
        record.put("priority", name(ticket.priority()));
        record.put("state", name(ticket.state()));
        return record;
    }

    private static String name(Entity entity) {
        return entity == null || entity.name() == null ? "" : entity.name();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Writes the records as JSON Lines, so the same tickets can be evaluated later with {@code --data}. */
    static void export(List<Map<String, String>> records, Path file) throws IOException {
        var lines = new StringBuilder();
        for (Map<String, String> record : records) {
            lines.append(JSON.writeValueAsString(record)).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }
}
