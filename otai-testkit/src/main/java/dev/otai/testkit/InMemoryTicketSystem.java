package dev.otai.testkit;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.api.ticket.WriteReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process ticket system for tests: thread-safe, with every change recorded for assertions. */
public final class InMemoryTicketSystem implements TicketSystem {

    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private volatile Object password;

    /** What the config gave as {@code password}, kept as received so tests can check its type. */
    public Object password() {
        return password;
    }

    public InMemoryTicketSystem password(Object value) {
        this.password = value;
        return this;
    }

    public synchronized InMemoryTicketSystem add(Ticket ticket) {
        tickets.put(ticket.id(), ticket);
        return this;
    }

    /** Adds a ticket with a title, a body and a queue; other fields empty. */
    public InMemoryTicketSystem add(String id, String title, String body, String queue) {
        return add(new Ticket(id, id, title, body, Entity.named(queue), Entity.named("3 normal"), Entity.named("new"),
                null, null, null, List.of(), Map.of(), Instant.EPOCH, Instant.EPOCH,
                List.of(new Note("a-" + id, title, body, "text/plain", true, Instant.EPOCH))));
    }

    public synchronized Collection<Ticket> tickets() {
        return List.copyOf(tickets.values());
    }

    public synchronized Ticket ticket(String id) {
        return tickets.get(id);
    }

    /** Every call made, such as {@code update 7} or {@code addNote 7}, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized List<Ticket> find(TicketQuery query) {
        calls.add("find");
        return tickets.values().stream()
                .filter(t -> query.queue() == null || matches(t.queue(), query.queue()))
                .filter(t -> query.states().isEmpty() || t.state() != null && query.states().contains(t.state().name()))
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    private static boolean matches(Entity actual, Entity wanted) {
        if (actual == null) {
            return false;
        }
        return wanted.name() != null ? Objects.equals(actual.name(), wanted.name()) : Objects.equals(actual.id(), wanted.id());
    }

    @Override
    public synchronized Optional<Ticket> get(String ticketId) {
        calls.add("get " + ticketId);
        return Optional.ofNullable(tickets.get(ticketId));
    }

    @Override
    public synchronized WriteReceipt update(String ticketId, TicketUpdate update) {
        calls.add("update " + ticketId);
        Ticket t = require(ticketId);
        var notes = new ArrayList<>(t.notes());
        if (update.note() != null) {
            notes.add(update.note());
        }
        var tags = new ArrayList<>(t.tags());
        tags.addAll(update.addTags());
        tags.removeAll(update.removeTags());
        var fields = new LinkedHashMap<>(t.fields());
        fields.putAll(update.fields());
        tickets.put(ticketId, new Ticket(t.id(), t.number(), or(update.title(), t.title()), t.body(),
                or(update.queue(), t.queue()), or(update.priority(), t.priority()), or(update.state(), t.state()),
                or(update.type(), t.type()), or(update.owner(), t.owner()), t.customer(), tags, fields, t.created(),
                Instant.now(), notes));
        return new WriteReceipt(tickets.get(ticketId).updated());
    }

    @Override
    public synchronized WriteReceipt addNote(String ticketId, Note note) {
        calls.add("addNote " + ticketId);
        Ticket t = require(ticketId);
        var notes = new ArrayList<>(t.notes());
        notes.add(note);
        tickets.put(ticketId, new Ticket(t.id(), t.number(), t.title(), t.body(), t.queue(), t.priority(), t.state(),
                t.type(), t.owner(), t.customer(), t.tags(), t.fields(), t.created(), Instant.now(), notes));
        return new WriteReceipt(tickets.get(ticketId).updated());
    }

    @Override
    public synchronized Ticket create(NewTicket ticket) {
        calls.add("create");
        String id = Integer.toString(nextId.incrementAndGet());
        Ticket created = new Ticket(id, id, ticket.title(), ticket.body(), ticket.queue(), ticket.priority(), ticket.state(),
                null, null, ticket.customer(), ticket.tags(), ticket.fields(), Instant.now(), Instant.now(),
                List.of(new Note(null, ticket.title(), ticket.body(), "text/plain", true, Instant.now())));
        tickets.put(id, created);
        return created;
    }

    private Ticket require(String id) {
        Ticket t = tickets.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no ticket '" + id + "'");
        }
        return t;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
