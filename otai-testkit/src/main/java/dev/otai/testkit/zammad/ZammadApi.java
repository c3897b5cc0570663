package dev.otai.testkit.zammad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoints of the fake Zammad; each returns the JSON value to answer, or throws {@link ZammadError}. */
final class ZammadApi {

    private final ZammadStore store;
    volatile boolean legacySearch;

    ZammadApi(ZammadStore store) {
        this.store = store;
    }

    Object search(Map<String, String> q) {
        int limit = Math.min(Integer.parseInt(q.getOrDefault("limit", q.getOrDefault("per_page", "50"))), 200);
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        List<ZammadTicket> hits = store.tickets.values().stream().filter(ZammadSearch.parse(q.get("query")))
                .sorted(ZammadSearch.order(q)).skip((long) (page - 1) * limit).limit(limit).toList();
        boolean expand = expand(q);
        if (legacySearch) { // the 2022 controller's shape: ids plus assets without names
            var assets = new LinkedHashMap<String, Object>();
            hits.forEach(t -> assets.put(Long.toString(t.id()), ticketJson(t, false)));
            return Map.of("tickets", hits.stream().map(ZammadTicket::id).toList(), "tickets_count", hits.size(),
                    "assets", Map.of("Ticket", assets));
        }
        return hits.stream().map(t -> ticketJson(t, expand)).toList();
    }

    Object show(long id, Map<String, String> q) {
        return ticketJson(ticket(id), expand(q));
    }

    Object update(long id, Map<String, Object> body, Map<String, String> q) {
        ZammadTicket t = ticket(id);
        ZammadTicket changed = new ZammadTicket(t.id(), t.number(), text(body.get("title"), t.title()),
                name("group", body, store.groups, t.group()), name("priority", body, store.priorities, t.priority()),
                name("state", body, store.states, t.state()), text(body.get("customer"), t.customer()), t.tags(),
                t.createdAt(), store.tick(), t.articles());
        Map<String, Object> article = map(body.get("article"));
        checkArticle(article, body.containsKey("article"));
        store.replace(changed);
        if (!article.isEmpty()) {
            addArticle(id, article, "note");
        }
        return ticketJson(ticket(id), expand(q));
    }

    Object create(Map<String, Object> body) {
        if (body.get("title") == null) {
            throw new ZammadError(422, "Title can't be blank");
        }
        String group = name("group", body, store.groups, "Users");
        String priority = name("priority", body, store.priorities, "2 normal");
        String state = name("state", body, store.states, "new");
        String customer = text(body.get("customer"), text(body.get("customer_id"), "nicole.braun@zammad.org")).replace("guess:", "");
        store.customers.add(customer);
        Map<String, Object> article = map(body.get("article"));
        checkArticle(article, true);
        ZammadTicket created = store.insert(body.get("title").toString(), group, priority, state, customer);
        addArticle(created.id(), article, "note");
        return ticketJson(ticket(created.id()), false);
    }

    Object addArticle(Map<String, Object> body) {
        if (body.get("ticket_id") == null) {
            throw new ZammadError(422, "Need ticket_id");
        }
        long id = Long.parseLong(body.get("ticket_id").toString());
        ticket(id);
        checkArticle(body, true);
        return articleJson(addArticle(id, body, "note"));
    }

    Object articles(long ticketId) {
        return ticket(ticketId).articles().stream().map(ZammadApi::articleJson).toList();
    }

    Object tags(long ticketId) {
        return Map.of("tags", ticket(ticketId).tags());
    }

    Object tag(Map<String, Object> body, boolean add) {
        ZammadTicket t = ticket(Long.parseLong(String.valueOf(body.get("o_id"))));
        var tags = new ArrayList<>(t.tags());
        String item = String.valueOf(body.get("item"));
        tags.remove(item);
        if (add) {
            tags.add(item);
        }
        store.replace(new ZammadTicket(t.id(), t.number(), t.title(), t.group(), t.priority(), t.state(), t.customer(),
                tags, t.createdAt(), store.tick(), t.articles()));
        return true;
    }

    Object lookup(ZammadStore.Lookup lookup) {
        return lookup.names.entrySet().stream().map(e -> Map.of("id", e.getKey(), "name", e.getValue(), "active", true)).toList();
    }

    private ZammadArticle addArticle(long ticketId, Map<String, Object> a, String defaultType) {
        return store.article(ticketId, text(a.get("subject"), null), a.get("body").toString(),
                text(a.get("content_type"), "text/html"), text(a.get("type"), defaultType),
                Boolean.parseBoolean(text(a.get("internal"), "false")), text(a.get("sender"), "Agent"));
    }

    private static void checkArticle(Map<String, Object> article, boolean given) {
        if (given && article.get("body") == null) {
            throw new ZammadError(422, "Need at least article: { body: \"some text\" }");
        }
    }

    ZammadTicket ticket(long id) {
        ZammadTicket t = store.tickets.get(id);
        if (t == null) {
            throw new ZammadError(404, "Couldn't find Ticket with 'id'=" + id);
        }
        return t;
    }

    private static String name(String field, Map<String, Object> body, ZammadStore.Lookup lookup, String current) {
        if (body.get(field + "_id") != null) {
            String name = lookup.names.get(Long.parseLong(body.get(field + "_id").toString()));
            if (name == null) {
                throw new ZammadError(422, "No lookup value found for '" + field + "_id': " + body.get(field + "_id"));
            }
            return name;
        }
        if (body.get(field) != null) {
            if (lookup.id(body.get(field).toString()) == null) {
                throw new ZammadError(422, "No lookup value found for '" + field + "': \"" + body.get(field) + "\"");
            }
            return body.get(field).toString();
        }
        return current;
    }

    Map<String, Object> ticketJson(ZammadTicket t, boolean expand) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", t.id());
        map.put("group_id", store.groups.id(t.group()));
        map.put("priority_id", store.priorities.id(t.priority()));
        map.put("state_id", store.states.id(t.state()));
        map.put("customer_id", store.customers.id(t.customer()));
        map.put("owner_id", 1);
        map.put("number", t.number());
        map.put("title", t.title());
        map.put("article_count", t.articles().size());
        map.put("article_ids", t.articles().stream().map(ZammadArticle::id).toList());
        map.put("created_at", t.createdAt().toString());
        map.put("updated_at", t.updatedAt().toString());
        if (expand) {
            map.put("group", t.group());
            map.put("priority", t.priority());
            map.put("state", t.state());
            map.put("customer", t.customer());
            map.put("owner", "-");
        }
        return map;
    }

    static Map<String, Object> articleJson(ZammadArticle a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", a.id());
        map.put("ticket_id", a.ticketId());
        map.put("subject", a.subject());
        map.put("body", a.body());
        map.put("content_type", a.contentType());
        map.put("type", a.type());
        map.put("internal", a.internal());
        map.put("sender", a.sender());
        map.put("created_at", a.createdAt().toString());
        return map;
    }

    static boolean expand(Map<String, String> q) {
        String expand = q.get("expand");
        return "true".equals(expand) || "1".equals(expand);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}
