package dev.otai.testkit.otobo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TicketUpdate and TicketCreate of the fake, with OTOBO's checks and article defaults. */
final class OtoboWrites {

    private final OtoboStore store;
    private final OtoboReads reads;

    OtoboWrites(OtoboStore store, OtoboReads reads) {
        this.store = store;
        this.reads = reads;
    }

    Map<String, Object> update(Map<String, Object> data, boolean includeTicketData) {
        OtoboTicket ticket = data.get("TicketID") != null ? store.get(data.get("TicketID").toString())
                : data.get("TicketNumber") != null ? store.byNumber(data.get("TicketNumber").toString()) : null;
        if (data.get("TicketID") == null && data.get("TicketNumber") == null) {
            throw new OtoboError("TicketUpdate.MissingParameter", "TicketUpdate: TicketID or TicketNumber is required!");
        }
        if (ticket == null) {
            throw new OtoboError("TicketUpdate.AccessDenied", "TicketUpdate: User does not have access to the ticket!");
        }
        List<Map<String, Object>> articles = articles("TicketUpdate", data.get("Article"));
        Map<String, Object> fields = map(data.get("Ticket"));
        OtoboTicket changed = apply("TicketUpdate", ticket, fields, map(data.get("DynamicField")));
        store.put(changed);
        String articleId = null;
        for (Map<String, Object> article : articles) {
            OtoboArticle stored = article(article);
            changed = store.withArticle(changed.id(), stored);
            articleId = stored.id();
        }
        return response(changed, articleId, includeTicketData);
    }

    Map<String, Object> create(Map<String, Object> data, boolean includeTicketData) {
        Map<String, Object> fields = map(data.get("Ticket"));
        for (String[] required : new String[][] {{"Title", "Title"}, {"CustomerUser", "CustomerUser"},
            {"Queue", "QueueID"}, {"State", "StateID"}, {"Priority", "PriorityID"}}) {
            if (fields.get(required[0]) == null && fields.get(required[1]) == null) {
                throw new OtoboError("TicketCreate.MissingParameter", "TicketCreate: Ticket->" + required[0] + " parameter is missing!");
            }
        }
        List<Map<String, Object>> articles = articles("TicketCreate", data.get("Article"));
        if (articles.isEmpty()) {
            throw new OtoboError("TicketCreate.MissingParameter", "TicketCreate: Article parameter is missing!");
        }
        OtoboTicket blank = store.insert("", "Raw", "3 normal", "new", "Unclassified", null, null);
        OtoboTicket created = apply("TicketCreate", blank, fields, map(data.get("DynamicField")));
        store.put(created);
        OtoboArticle first = article(articles.getFirst());
        created = store.withArticle(created.id(), first);
        return response(created, first.id(), includeTicketData);
    }

    private Map<String, Object> response(OtoboTicket ticket, String articleId, boolean includeTicketData) {
        var out = new LinkedHashMap<String, Object>();
        out.put("TicketID", Long.parseLong(ticket.id())); // echoed values come back as numbers
        out.put("TicketNumber", ticket.number());
        if (articleId != null) {
            out.put("ArticleID", Long.parseLong(articleId));
        }
        if (includeTicketData) {
            Map<String, Object> full = new LinkedHashMap<>(reads.ticketMap(ticket, Map.of()));
            if (!ticket.articles().isEmpty()) {
                full.put("Article", OtoboReads.articleMap(ticket, ticket.articles().getLast())); // an object here
            }
            out.put("Ticket", full);
        }
        return out;
    }

    private OtoboTicket apply(String op, OtoboTicket t, Map<String, Object> f, Map<String, Object> dynamic) {
        String queue = entity(op, "Queue", f, store.queues, t.queue());
        String priority = entity(op, "Priority", f, store.priorities, t.priority());
        String state = entity(op, "State", f, store.states, t.state());
        String type = f.get("Type") == null ? t.type() : f.get("Type").toString();
        if (!store.types.contains(type)) {
            throw invalid(op, "Type");
        }
        var fields = new LinkedHashMap<>(t.dynamicFields());
        fields.putAll(dynamic);
        return new OtoboTicket(t.id(), t.number(), text(f.get("Title"), t.title()), queue, priority, state, type,
                text(f.get("Owner"), t.owner()), text(f.get("CustomerUser"), t.customerUser()), t.customerId(), t.created(),
                store.tick(), fields, t.articles());
    }

    private static String entity(String op, String name, Map<String, Object> f, Map<String, String> catalogue, String current) {
        if (f.get(name + "ID") != null) {
            String byId = catalogue.get(f.get(name + "ID").toString());
            if (byId == null) {
                throw invalid(op, name);
            }
            return byId;
        }
        if (f.get(name) != null) {
            if (!catalogue.containsValue(f.get(name).toString())) {
                throw invalid(op, name);
            }
            return f.get(name).toString();
        }
        return current;
    }

    private static OtoboError invalid(String op, String name) {
        return new OtoboError(op + ".InvalidParameter", op + ": Ticket->" + name + "ID or Ticket->" + name + " parameter is invalid!");
    }

    private List<Map<String, Object>> articles(String op, Object given) {
        List<Map<String, Object>> list = switch (given) {
            case null -> List.of();
            case List<?> items -> items.stream().map(OtoboWrites::map).toList(); // Znuny accepts a list
            default -> List.of(map(given));
        };
        for (Map<String, Object> article : list) {
            for (String field : List.of("Subject", "Body")) {
                if (article.get(field) == null) {
                    throw new OtoboError(op + ".MissingParameter", op + ": Article->" + field + " parameter is missing!");
                }
            }
            if (article.get("ContentType") == null && (article.get("MimeType") == null || article.get("Charset") == null)) {
                throw new OtoboError(op + ".MissingParameter",
                        op + ": Article->ContentType or Ticket->MimeType and Article->Charset is required!");
            }
        }
        return list;
    }

    private OtoboArticle article(Map<String, Object> a) {
        String contentType = a.get("ContentType") != null ? a.get("ContentType").toString() : a.get("MimeType").toString();
        int semicolon = contentType.indexOf(';');
        Object visible = a.get("IsVisibleForCustomer");
        return new OtoboArticle(store.nextArticleId(), a.get("Subject").toString(), a.get("Body").toString(),
                (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip(),
                visible == null || OtoboReads.flag(visible), text(a.get("SenderType"), "agent"),
                text(a.get("CommunicationChannel"), "Internal"), store.tick());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}
