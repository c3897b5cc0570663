package dev.otai.otobo;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds GenericInterface request data from the unified model. */
final class OtoboQueries {

    private OtoboQueries() {
    }

    /**
     * TicketSearch data. The GenericInterface has no offset, so {@code Limit} covers offset + limit and the
     * caller skips the first {@code offset} ids.
     */
    static Map<String, Object> search(TicketQuery query) {
        var data = new LinkedHashMap<String, Object>();
        Entity queue = query.queue();
        if (queue != null && queue.name() != null) {
            data.put("Queues", List.of(queue.name()));
        }
        if (queue != null && queue.id() != null) {
            data.put("QueueIDs", List.of(queue.id()));
        }
        if (queue != null) {
            data.put("UseSubQueues", 0);
        }
        if (!query.states().isEmpty()) {
            data.put("States", query.states());
        }
        if (query.updatedSince() != null) {
            data.put("TicketLastChangeTimeNewerDate", OtoboMapping.format(query.updatedSince()));
        }
        if (query.sort() != null) {
            String sort = query.sort();
            data.put("SortBy", sort.endsWith("updated") ? "Changed" : "Age");
            data.put("OrderBy", sort.startsWith("-") ? "Down" : "Up"); // Down: newest first
        }
        data.put("Limit", query.offset() + query.limit());
        return data;
    }

    /** {@code TicketID} of a search answer: a list, one id, or absent ({@code {}} means no hits). */
    static List<String> ids(Object value) {
        return switch (value) {
            case null -> List.of();
            case List<?> list -> list.stream().map(OtoboMapping::text).filter(Objects::nonNull).toList();
            default -> List.of(OtoboMapping.text(value));
        };
    }

    static Map<String, Object> get(String ids, int articleLimit) {
        var data = new LinkedHashMap<String, Object>();
        data.put("TicketID", ids);
        data.put("DynamicFields", 1);
        data.put("AllArticles", 1);
        data.put("ArticleOrder", "ASC");
        if (articleLimit > 0) {
            data.put("ArticleLimit", articleLimit);
        }
        return data;
    }

    static Map<String, Object> ticketFields(TicketUpdate update) {
        var fields = new LinkedHashMap<String, Object>();
        if (update.title() != null) {
            fields.put("Title", update.title());
        }
        entity(fields, "Queue", update.queue());
        entity(fields, "Priority", update.priority());
        entity(fields, "State", update.state());
        entity(fields, "Type", update.type());
        entity(fields, "Owner", update.owner());
        return fields;
    }

    /** {@code NameID} when the id is given, {@code Name} when the name is; both when both are. */
    private static void entity(Map<String, Object> fields, String key, Entity entity) {
        if (entity == null || entity.isEmpty()) {
            return;
        }
        if (entity.id() != null && !entity.id().isBlank()) {
            fields.put(key + "ID", entity.id());
        }
        if (entity.name() != null && !entity.name().isBlank()) {
            fields.put(key, entity.name());
        }
    }

    static List<Map<String, Object>> dynamicFields(Map<String, Object> fields) {
        var out = new ArrayList<Map<String, Object>>();
        fields.forEach((name, value) -> {
            var field = new LinkedHashMap<String, Object>();
            field.put("Name", name);
            field.put("Value", value);
            out.add(field);
        });
        return out;
    }

    /** An article: internal unless the note is visible to the customer; the subject is required, so never empty. */
    static Map<String, Object> article(Note note) {
        var article = new LinkedHashMap<String, Object>();
        article.put("Subject", note.subject().isBlank() ? "Note" : note.subject());
        article.put("Body", note.body());
        article.put("ContentType", note.contentType() + "; charset=utf-8");
        article.put("CommunicationChannel", "Internal");
        article.put("SenderType", "agent");
        article.put("IsVisibleForCustomer", note.visibleToCustomer() ? 1 : 0);
        return article;
    }

    static boolean sameNote(Note stored, Note sent) {
        String subject = sent.subject().isBlank() ? "Note" : sent.subject();
        return subject.equals(stored.subject()) && sent.body().strip().equals(stored.body().strip());
    }

    static Map<String, Object> create(NewTicket ticket, String defaultCustomer) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("Title", ticket.title());
        entity(fields, "Queue", ticket.queue() == null ? Entity.named("Raw") : ticket.queue());
        entity(fields, "Priority", ticket.priority() == null ? Entity.named("3 normal") : ticket.priority());
        entity(fields, "State", ticket.state() == null ? Entity.named("new") : ticket.state());
        Entity customer = ticket.customer();
        String login = customer != null ? Objects.requireNonNullElse(customer.name(), customer.id()) : defaultCustomer;
        if (login != null) {
            fields.put("CustomerUser", login);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("Ticket", fields);
        var article = article(new Note(null, ticket.title(), ticket.body(), "text/plain", true, null));
        data.put("Article", article);
        if (!ticket.fields().isEmpty()) {
            data.put("DynamicField", dynamicFields(ticket.fields()));
        }
        return data;
    }
}
