package dev.otai.testkit.otobo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fake's data: catalogue (queues, priorities, states, types) and tickets. Thread-safe. */
final class OtoboStore {

    final Map<String, String> queues = new LinkedHashMap<>();      // id -> name
    final Map<String, String> priorities = new LinkedHashMap<>();
    final Map<String, String> states = new LinkedHashMap<>();
    final Map<String, String> stateTypes = new LinkedHashMap<>();  // state name -> type
    final Set<String> types = new LinkedHashSet<>(List.of("Unclassified", "Incident", "Problem"));
    private final Map<String, OtoboTicket> tickets = new LinkedHashMap<>();
    private long nextTicket = 1;
    private long nextArticle = 100;
    private Instant clock = Instant.parse("2025-01-01T10:00:00Z");

    OtoboStore() {
        for (String q : List.of("Postmaster", "Raw", "Junk", "Misc")) {
            addQueue(q);
        }
        for (String p : List.of("1 very low", "2 low", "3 normal", "4 high", "5 very high")) {
            priorities.put(Integer.toString(priorities.size() + 1), p);
        }
        String[][] defaults = {{"new", "new"}, {"open", "open"}, {"closed successful", "closed"},
            {"closed unsuccessful", "closed"}, {"pending reminder", "pending reminder"}, {"merged", "merged"}};
        for (String[] state : defaults) {
            states.put(Integer.toString(states.size() + 1), state[0]);
            stateTypes.put(state[0], state[1]);
        }
    }

    synchronized void addQueue(String name) {
        if (!queues.containsValue(name)) {
            queues.put(Integer.toString(queues.size() + 1), name);
        }
    }

    synchronized Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    synchronized String nextArticleId() {
        return Long.toString(nextArticle++);
    }

    synchronized OtoboTicket insert(String title, String queue, String priority, String state, String type,
                                    String customerUser, OtoboArticle first) {
        String id = Long.toString(nextTicket++);
        Instant now = tick();
        var ticket = new OtoboTicket(id, "20250101100000" + String.format("%02d", Long.parseLong(id) % 100) + id,
                title, queue, priority, state, type, "root@localhost", customerUser, "ACME", now, now, Map.of(),
                first == null ? List.of() : List.of(first));
        tickets.put(id, ticket);
        return ticket;
    }

    synchronized OtoboTicket get(String id) {
        return tickets.get(id);
    }

    synchronized OtoboTicket byNumber(String number) {
        return tickets.values().stream().filter(t -> t.number().equals(number)).findFirst().orElse(null);
    }

    synchronized List<OtoboTicket> all() {
        return List.copyOf(tickets.values());
    }

    synchronized void put(OtoboTicket ticket) {
        tickets.put(ticket.id(), ticket);
    }

    synchronized OtoboTicket withArticle(String id, OtoboArticle article) {
        OtoboTicket t = tickets.get(id);
        var articles = new ArrayList<>(t.articles());
        articles.add(article);
        OtoboTicket changed = new OtoboTicket(t.id(), t.number(), t.title(), t.queue(), t.priority(), t.state(), t.type(),
                t.owner(), t.customerUser(), t.customerId(), t.created(), tick(), t.dynamicFields(), articles);
        tickets.put(id, changed);
        return changed;
    }

    static String idOf(Map<String, String> catalogue, String name) {
        return catalogue.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
