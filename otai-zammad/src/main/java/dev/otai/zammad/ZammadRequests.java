package dev.otai.zammad;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketUpdate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds Zammad request paths and bodies from the unified model. */
final class ZammadRequests {

    /** The largest page Zammad's search serves. */
    static final int MAX_PAGE = 200;

    private ZammadRequests() {
    }

    /**
     * {@code /api/v1/tickets/search?query=…&limit=…&page=…&expand=true}. Zammad pages by page number, so an offset
     * that is not a multiple of the limit is read as one larger first page; the caller skips {@code skip()}.
     */
    static String search(TicketQuery query) {
        var terms = new StringJoiner(" AND ");
        Entity queue = query.queue();
        if (queue != null && queue.name() != null) {
            terms.add("group.name:\"" + queue.name().replace("\"", "\\\"") + "\"");
        } else if (queue != null && queue.id() != null) {
            terms.add("group_id:" + queue.id());
        }
        if (!query.states().isEmpty()) {
            terms.add("state.name:(" + String.join(" OR ", query.states().stream().map(s -> "\"" + s + "\"").toList()) + ")");
        }
        if (query.updatedSince() != null) {
            terms.add("updated_at:>" + query.updatedSince());
        }
        String q = terms.length() == 0 ? "*" : terms.toString();
        boolean aligned = query.offset() % query.limit() == 0;
        int limit = aligned ? query.limit() : Math.min(query.offset() + query.limit(), MAX_PAGE);
        int page = aligned ? query.offset() / query.limit() + 1 : 1;
        var path = new StringBuilder("/api/v1/tickets/search?query=").append(encode(q))
                .append("&limit=").append(limit).append("&page=").append(page).append("&expand=true");
        if (query.sort() != null) {
            String field = query.sort().endsWith("updated") ? "updated_at" : "created_at";
            path.append("&sort_by=").append(field).append("&order_by=").append(query.sort().startsWith("-") ? "desc" : "asc");
        }
        return path.toString();
    }

    /** How many results of the first page to skip (see {@link #search}). */
    static int skip(TicketQuery query) {
        return query.offset() % query.limit() == 0 ? 0 : query.offset();
    }

    static Map<String, Object> update(TicketUpdate update) {
        var body = new LinkedHashMap<String, Object>();
        if (update.title() != null) {
            body.put("title", update.title());
        }
        entity(body, "group", update.queue());
        entity(body, "priority", update.priority());
        entity(body, "state", update.state());
        entity(body, "owner", update.owner());
        if (update.type() != null && update.type().name() != null) {
            body.put("type", update.type().name());
        }
        body.putAll(update.fields()); // custom object attributes are top-level keys
        return body;
    }

    private static void entity(Map<String, Object> body, String key, Entity entity) {
        if (entity == null || entity.isEmpty()) {
            return;
        }
        if (entity.name() != null && !entity.name().isBlank()) {
            body.put(key, entity.name());
        } else {
            body.put(key + "_id", entity.id());
        }
    }

    static Map<String, Object> article(String ticketId, Note note) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ticket_id", ticketId);
        body.put("subject", note.subject());
        body.put("body", note.body());
        body.put("content_type", note.contentType());
        body.put("type", "note");
        body.put("internal", !note.visibleToCustomer());
        body.put("sender", "Agent");
        return body;
    }

    static Map<String, Object> create(NewTicket ticket) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", ticket.title());
        entity(body, "group", ticket.queue() == null ? Entity.named("Users") : ticket.queue());
        entity(body, "priority", ticket.priority());
        entity(body, "state", ticket.state());
        if (ticket.customer() != null && !ticket.customer().isEmpty()) {
            String customer = ticket.customer().name() != null ? ticket.customer().name() : ticket.customer().id();
            body.put("customer_id", customer.contains("@") ? "guess:" + customer : customer);
        }
        var article = new LinkedHashMap<String, Object>();
        article.put("subject", ticket.title());
        article.put("body", ticket.body());
        article.put("content_type", "text/plain");
        article.put("type", "note");
        article.put("internal", false);
        body.put("article", article);
        body.putAll(ticket.fields());
        return body;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
