package dev.otai.testkit.zammad;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fake Zammad's data. Not thread-safe by itself: the fake serialises access. */
final class ZammadStore {

    /** A lookup table: id to name, ids from 1. */
    static final class Lookup {
        final Map<Long, String> names = new LinkedHashMap<>();

        Lookup(String... initial) {
            for (String name : initial) {
                add(name);
            }
        }

        long add(String name) {
            Long existing = id(name);
            if (existing != null) {
                return existing;
            }
            long id = names.size() + 1L;
            names.put(id, name);
            return id;
        }

        Long id(String name) {
            return names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst().orElse(null);
        }
    }

    final Lookup groups = new Lookup("Users");
    final Lookup priorities = new Lookup("1 low", "2 normal", "3 high");
    final Lookup states = new Lookup("new", "open", "pending reminder", "closed", "merged", "pending close");
    final Lookup customers = new Lookup("nicole.braun@zammad.org");
    final Map<Long, ZammadTicket> tickets = new LinkedHashMap<>();
    private long nextTicket = 1;
    private long nextArticle = 1;
    private Instant clock = Instant.parse("2025-01-14T07:45:08.681Z");

    Instant tick() {
        clock = clock.plusMillis(1000);
        return clock;
    }

    ZammadTicket insert(String title, String group, String priority, String state, String customer) {
        long id = nextTicket++;
        Instant now = tick();
        var ticket = new ZammadTicket(id, Long.toString(20000 + id), title, group, priority, state, customer, List.of(),
                now, now, List.of());
        tickets.put(id, ticket);
        return ticket;
    }

    ZammadArticle article(long ticketId, String subject, String body, String contentType, String type, boolean internal,
                          String sender) {
        ZammadTicket t = tickets.get(ticketId);
        var article = new ZammadArticle(nextArticle++, ticketId, subject, body, contentType, type, internal, sender, tick());
        var articles = new ArrayList<>(t.articles());
        articles.add(article);
        tickets.put(ticketId, new ZammadTicket(t.id(), t.number(), t.title(), t.group(), t.priority(), t.state(),
                t.customer(), t.tags(), t.createdAt(), article.createdAt(), articles));
        return article;
    }

    void replace(ZammadTicket ticket) {
        tickets.put(ticket.id(), ticket);
    }
}
