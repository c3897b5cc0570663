package dev.otai.zammad;

import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.api.ticket.WriteReceipt;
import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.Retrying;
import dev.otai.support.ticket.NumericTicketIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Zammad through its REST API: search with {@code expand=true} and {@code group.name:"…"} queries, paging by
 * page, both search answer shapes, internal notes ({@code internal: true}) unless asked otherwise, tags.
 * Reads and field updates are retried freely; a note or a ticket is sent again only after reading back shows
 * the first attempt left no trace.
 */
public final class ZammadTicketSystem implements TicketSystem, AutoCloseable {

    private final ZammadSettings settings;
    private final ZammadHttp http;
    private final RetryPolicy retry;
    private final ZammadLookups lookups;

    ZammadTicketSystem(ZammadSettings settings) {
        this.settings = settings;
        this.http = new ZammadHttp(settings);
        this.retry = settings.retry();
        this.lookups = new ZammadLookups(this::read);
    }

    Object read(String operation, String path) throws HelpdeskException, InterruptedException {
        return Retrying.idempotent(retry, () -> http.call(operation, "GET", path, null));
    }

    @Override
    public List<Ticket> find(TicketQuery query) throws HelpdeskException, InterruptedException {
        Object answer = read("search tickets", ZammadRequests.search(query));
        List<Map<?, ?>> rows = ZammadSearchAnswer.tickets(answer).stream().skip(ZammadRequests.skip(query)).limit(query.limit()).toList();
        List<String> ids = rows.stream().map(row -> ZammadMapping.text(row.get("id"))).toList();
        List<List<Note>> notes = settings.readArticles() ? ArticleReads.all(ids, this::notes) : ids.stream().map(id -> List.<Note>of()).toList();
        var out = new ArrayList<Ticket>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(ZammadMapping.ticket(rows.get(i), notes.get(i), List.of(), lookups));
        }
        return out;
    }

    private List<Note> notes(String ticketId) throws HelpdeskException, InterruptedException {
        if (!settings.readArticles()) {
            return List.of();
        }
        return ZammadMapping.notes(read("read articles", articlesPath("read articles", ticketId)));
    }

    /** {@code /api/v1/ticket_articles/by_ticket/<id>}, for a checked id only. */
    private static String articlesPath(String operation, String ticketId) throws HelpdeskException {
        return "/api/v1/ticket_articles/by_ticket/" + ZammadRequests.encode(checkedId(operation, ticketId));
    }

    @Override
    public Optional<Ticket> get(String ticketId) throws HelpdeskException, InterruptedException {
        checkedId("get ticket", ticketId);
        Object ticket;
        try {
            ticket = read("get ticket", "/api/v1/tickets/" + ZammadRequests.encode(ticketId) + "?expand=true");
        } catch (HelpdeskException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        Object tags = read("read tags", "/api/v1/tags?object=Ticket&o_id=" + ZammadRequests.encode(ticketId));
        List<String> names = tags instanceof Map<?, ?> m && m.get("tags") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return Optional.of(ZammadMapping.ticket((Map<?, ?>) ticket, notes(ticketId), names, lookups));
    }

    @Override
    public WriteReceipt update(String ticketId, TicketUpdate update) throws HelpdeskException, InterruptedException {
        checkedId("update ticket", ticketId);
        Map<String, Object> body = ZammadRequests.update(update);
        WriteReceipt receipt = WriteReceipt.unknown();
        if (!body.isEmpty()) {
            Object answer = Retrying.idempotent(retry,
                    () -> http.call("update ticket", "PUT", "/api/v1/tickets/" + ZammadRequests.encode(ticketId), body));
            receipt = answer instanceof Map<?, ?> ticket && ZammadMapping.time(ticket.get("updated_at")) != null
                    ? new WriteReceipt(ZammadMapping.time(ticket.get("updated_at"))) : receipt;
        }
        if (!update.addTags().isEmpty() || !update.removeTags().isEmpty()) {
            receipt = WriteReceipt.unknown(); // tag calls change the ticket and answer without its updated-at
        }
        for (String tag : update.addTags()) {
            tag("add tag", "POST", "/api/v1/tags/add", ticketId, tag);
        }
        for (String tag : update.removeTags()) {
            tag("remove tag", "DELETE", "/api/v1/tags/remove", ticketId, tag);
        }
        return update.note() != null ? addNote(ticketId, update.note()) : receipt;
    }

    private void tag(String operation, String method, String path, String ticketId, String tag) throws HelpdeskException, InterruptedException {
        Map<String, Object> body = Map.of("item", tag, "object", "Ticket", "o_id", ticketId);
        Retrying.idempotent(retry, () -> http.call(operation, method, path, body)); // adding twice is harmless
    }

    @Override
    public WriteReceipt addNote(String ticketId, Note note) throws HelpdeskException, InterruptedException {
        checkedId("add note", ticketId);
        Map<String, Object> body = ZammadRequests.article(ticketId, note);
        Retrying.nonIdempotent(retry, () -> http.call("add note", "POST", "/api/v1/ticket_articles", body),
                () -> lastNoteIs(ticketId, note) ? body : null);
        return WriteReceipt.unknown(); // the article's answer does not carry the ticket's updated-at
    }

    private boolean lastNoteIs(String ticketId, Note note) throws HelpdeskException, InterruptedException {
        List<Note> notes = ZammadMapping.notes(http.call("read articles", "GET", articlesPath("read articles", ticketId), null));
        return !notes.isEmpty() && Objects.equals(notes.getLast().subject(), note.subject())
                && notes.getLast().body().strip().equals(note.body().strip());
    }

    @Override
    public Ticket create(NewTicket ticket) throws HelpdeskException, InterruptedException {
        Map<String, Object> body = ZammadRequests.create(ticket);
        Object created = Retrying.nonIdempotent(retry, () -> http.call("create ticket", "POST", "/api/v1/tickets", body),
                () -> existing(ticket));
        String id = ZammadMapping.text(((Map<?, ?>) created).get("id"));
        return get(id).orElseThrow(() -> new HelpdeskException(ZammadHttp.HELPDESK, "get ticket", 404, null,
                HelpdeskException.Kind.BAD_RESPONSE, "ticket '" + id + "' was created but cannot be read back"));
    }

    /** The newest ticket with this title whose first article has this body, if any. */
    private Map<?, ?> existing(NewTicket ticket) throws HelpdeskException, InterruptedException {
        String path = "/api/v1/tickets/search?query=" + ZammadRequests.encode("title:\"" + ticket.title() + "\"")
                + "&limit=1&page=1&expand=true&sort_by=created_at&order_by=desc";
        List<Map<?, ?>> rows = ZammadSearchAnswer.tickets(http.call("search tickets", "GET", path, null));
        if (rows.isEmpty()) {
            return null;
        }
        List<Note> notes = ZammadMapping.notes(http.call("read articles", "GET",
                articlesPath("read articles", ZammadMapping.text(rows.getFirst().get("id"))), null));
        return !notes.isEmpty() && notes.getFirst().body().strip().equals(ticket.body().strip()) ? rows.getFirst() : null;
    }

    @Override
    public String checkConnection() throws HelpdeskException, InterruptedException {
        Object me = read("authenticate", "/api/v1/users/me");
        int found = find(new TicketQuery(null, List.of(), 1, 0, null, null)).size();
        String login = me instanceof Map<?, ?> m ? String.valueOf(m.get("login")) : "?";
        return "authenticated as '" + login + "' at " + settings.baseUrl() + "; search returned " + found
                + " ticket" + (found == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return "Zammad at " + settings.baseUrl();
    }

    @Override
    public void close() {
        http.close();
    }

    /** {@code id} if it has the helpdesk's id shape; refused before any request otherwise. */
    private static String checkedId(String operation, String id) throws HelpdeskException {
        return NumericTicketIds.checked(ZammadHttp.HELPDESK, "a Zammad ticket id", operation, id);
    }
}
