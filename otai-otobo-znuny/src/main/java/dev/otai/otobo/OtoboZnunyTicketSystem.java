package dev.otai.otobo;

import dev.otai.api.ticket.Entity;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * OTOBO, Znuny and OTRS through the GenericInterface REST provider. Reads and field updates are retried
 * freely; a note or a new ticket is sent again only after reading the ticket back shows the first attempt left
 * no trace. Notes are internal ({@code IsVisibleForCustomer: 0}) unless the note says otherwise.
 */
public final class OtoboZnunyTicketSystem implements TicketSystem, AutoCloseable {

    private final OtoboSettings settings;
    private final OtoboHttp http;
    private final OtoboAuth auth;
    private final RetryPolicy retry;

    OtoboZnunyTicketSystem(OtoboSettings settings) {
        this.settings = settings;
        this.http = new OtoboHttp(settings);
        this.auth = new OtoboAuth(settings, http);
        this.retry = settings.retry();
    }

    @Override
    public List<Ticket> find(TicketQuery query) throws HelpdeskException, InterruptedException {
        Map<String, Object> found = Retrying.idempotent(retry, () -> auth.call("TicketSearch", OtoboQueries.search(query)));
        List<String> ids = OtoboQueries.ids(found.get("TicketID")).stream().skip(query.offset()).limit(query.limit()).toList();
        return ids.isEmpty() ? List.of() : tickets(ids);
    }

    private List<Ticket> tickets(List<String> ids) throws HelpdeskException, InterruptedException {
        for (String id : ids) {
            checkedId("TicketGet", id);
        }
        Map<String, Object> data = OtoboQueries.get(String.join(",", ids), settings.articleLimit());
        Map<String, Object> answer = Retrying.idempotent(retry, () -> auth.call("TicketGet", data));
        var out = new ArrayList<Ticket>();
        if (answer.get("Ticket") instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(t -> out.add(OtoboMapping.ticket((Map<?, ?>) t)));
        }
        return out;
    }

    @Override
    public Optional<Ticket> get(String ticketId) throws HelpdeskException, InterruptedException {
        try {
            return tickets(List.of(ticketId)).stream().findFirst();
        } catch (HelpdeskException e) {
            if (e.errorCode().filter(code -> code.endsWith(".AccessDenied") || code.endsWith(".NotValidTicketID")).isPresent()) {
                return Optional.empty(); // OTOBO answers AccessDenied for ids that do not exist
            }
            throw e;
        }
    }

    @Override
    public WriteReceipt update(String ticketId, TicketUpdate update) throws HelpdeskException, InterruptedException {
        checkedId("TicketUpdate", ticketId);
        if (!update.addTags().isEmpty() || !update.removeTags().isEmpty()) {
            throw new HelpdeskException(OtoboHttp.HELPDESK, "TicketUpdate", 0, null, HelpdeskException.Kind.REJECTED,
                    "tags were given for ticket '" + ticketId + "'; the GenericInterface has no tags (use a dynamic field)");
        }
        WriteReceipt receipt = WriteReceipt.unknown();
        Map<String, Object> fields = OtoboQueries.ticketFields(update);
        if (!fields.isEmpty() || !update.fields().isEmpty()) {
            var data = new LinkedHashMap<String, Object>();
            data.put("TicketID", ticketId);
            if (!fields.isEmpty()) {
                data.put("Ticket", fields);
            }
            if (!update.fields().isEmpty()) {
                data.put("DynamicField", OtoboQueries.dynamicFields(update.fields()));
            }
            receipt = receipt(Retrying.idempotent(retry, () -> auth.call("TicketUpdate", data)));
        }
        return update.note() != null ? addNote(ticketId, update.note()) : receipt;
    }

    @Override
    public WriteReceipt addNote(String ticketId, Note note) throws HelpdeskException, InterruptedException {
        checkedId("TicketUpdate", ticketId);
        var data = new LinkedHashMap<String, Object>();
        data.put("TicketID", ticketId);
        data.put("Article", OtoboQueries.article(note));
        return receipt(Retrying.nonIdempotent(retry, () -> auth.call("TicketUpdate", data),
                () -> lastNoteIs(ticketId, note) ? data : null));
    }

    /** The ticket's {@code Changed} from an update answer, present when the operation has IncludeTicketData on. */
    private static WriteReceipt receipt(Map<String, Object> answer) {
        return answer.get("Ticket") instanceof Map<?, ?> ticket && OtoboMapping.time(ticket.get("Changed")) != null
                ? new WriteReceipt(OtoboMapping.time(ticket.get("Changed"))) : WriteReceipt.unknown();
    }

    private boolean lastNoteIs(String ticketId, Note note) throws HelpdeskException, InterruptedException {
        Map<String, Object> data = OtoboQueries.get(ticketId, 1);
        data.put("ArticleOrder", "DESC");
        Map<String, Object> answer = auth.call("TicketGet", data);
        if (!(answer.get("Ticket") instanceof List<?> list) || list.isEmpty()) {
            return false;
        }
        List<Map<?, ?>> articles = OtoboMapping.articles(((Map<?, ?>) list.getFirst()).get("Article"));
        return !articles.isEmpty() && OtoboQueries.sameNote(OtoboMapping.note(articles.getFirst()), note);
    }

    @Override
    public Ticket create(NewTicket ticket) throws HelpdeskException, InterruptedException {
        Map<String, Object> data = OtoboQueries.create(ticket, settings.defaultCustomerUser());
        Map<String, Object> answer = Retrying.nonIdempotent(retry, () -> auth.call("TicketCreate", data),
                () -> existing(ticket));
        String id = OtoboMapping.text(answer.get("TicketID"));
        return get(Objects.requireNonNull(id, "TicketCreate answered without TicketID")).orElseThrow(() ->
                new HelpdeskException(OtoboHttp.HELPDESK, "TicketGet", 200, null, HelpdeskException.Kind.BAD_RESPONSE,
                        "ticket '" + id + "' was created but cannot be read back"));
    }

    /** The newest ticket with the same title in the same queue whose first article has the same body, if any. */
    private Map<String, Object> existing(NewTicket ticket) throws HelpdeskException, InterruptedException {
        Entity queue = ticket.queue();
        var query = new TicketQuery(queue, List.of(), 1, 0, null, "-created");
        Map<String, Object> search = OtoboQueries.search(query);
        search.put("Title", ticket.title());
        List<String> ids = OtoboQueries.ids(auth.call("TicketSearch", search).get("TicketID"));
        if (ids.isEmpty()) {
            return null;
        }
        Optional<Ticket> found = get(ids.getFirst());
        return found.filter(t -> Objects.equals(t.body(), ticket.body())).map(t -> Map.<String, Object>of("TicketID", t.id())).orElse(null);
    }

    @Override
    public String checkConnection() throws HelpdeskException, InterruptedException {
        int found = find(new TicketQuery(null, List.of(), 1, 0, null, null)).size();
        return "authenticated as '" + settings.username() + "' at " + settings.operationUri("TicketSearch") + "; search returned "
                + found + " ticket" + (found == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return "OTOBO/Znuny at " + settings.baseUrl();
    }

    @Override
    public void close() {
        http.close();
    }

    /** {@code id} if it has the helpdesk's id shape; refused before any request otherwise. */
    private static String checkedId(String operation, String id) throws HelpdeskException {
        return NumericTicketIds.checked(OtoboHttp.HELPDESK, "an OTOBO/Znuny TicketID", operation, id);
    }
}
