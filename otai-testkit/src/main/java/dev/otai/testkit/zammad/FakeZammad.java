package dev.otai.testkit.zammad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.testkit.http.Exchange;
import dev.otai.testkit.http.FakeServer;
import dev.otai.testkit.http.Faults;
import dev.otai.testkit.http.RecordedRequest;
import dev.otai.testkit.http.Reply;
import dev.otai.testkit.http.WebhookSender;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Zammad REST API over real HTTP on loopback, following the checklist in {@code helpdesk-apis.md} §2.6:
 * token, bearer and basic auth (403 without credentials, 401 with wrong ones), {@code expand} only for
 * {@code true}/{@code 1}, search with {@code group.name:"X"}, {@code state.name:(a OR b)}, paging by page, an
 * optional legacy search shape, name lookups with 422 for unknown names, articles, tags, and a webhook emitter.
 */
public final class FakeZammad implements AutoCloseable {

    public static final String TOKEN = "zammad-token-0123456789";
    private static final Pattern TICKET = Pattern.compile("/api/v1/tickets/(\\d+)");
    private static final Pattern BY_TICKET = Pattern.compile("/api/v1/ticket_articles/by_ticket/(\\d+)");

    private final ObjectMapper json = new ObjectMapper();
    private final ZammadStore store = new ZammadStore();
    private final ZammadApi api = new ZammadApi(store);
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of("admin@example.com", "admin-Pa55"));
    private final FakeServer server;

    public FakeZammad() {
        tokens.add(TOKEN);
        server = new FakeServer(this::handle);
    }

    /** {@code http://127.0.0.1:<port>}: the {@code base_url}. */
    public String baseUrl() {
        return server.uri().toString();
    }

    public Faults faults() {
        return server.faults();
    }

    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public void clearRequests() {
        server.clearRequests();
    }

    /** Answers searches in the 2022 shape {@code {tickets, tickets_count, assets}}, names left out, whatever {@code expand} says. */
    public FakeZammad legacySearch(boolean on) {
        api.legacySearch = on;
        return this;
    }

    public synchronized FakeZammad group(String name) {
        store.groups.add(name);
        return this;
    }

    public synchronized FakeZammad priority(String name) {
        store.priorities.add(name);
        return this;
    }

    /** Adds a ticket opened by a customer's web article; returns its id. */
    public synchronized long addTicket(String title, String body, String group) {
        store.groups.add(group);
        ZammadTicket t = store.insert(title, group, "2 normal", "new", "nicole.braun@zammad.org");
        store.article(t.id(), title, body, "text/html", "web", false, "Customer");
        return t.id();
    }

    public synchronized ZammadTicket ticket(long id) {
        return store.tickets.get(id);
    }

    public synchronized List<ZammadTicket> tickets() {
        return List.copyOf(store.tickets.values());
    }

    /** The default trigger-webhook body for a ticket: {@code {"ticket":{…, group{}, priority{}}, "article":{…}}}. */
    public synchronized String webhookPayload(long ticketId) {
        ZammadTicket t = api.ticket(ticketId);
        Map<String, Object> ticket = new LinkedHashMap<>(api.ticketJson(t, false));
        ticket.put("group", Map.of("id", store.groups.id(t.group()), "name", t.group()));
        ticket.put("priority", Map.of("id", store.priorities.id(t.priority()), "name", t.priority()));
        ticket.put("state", t.state());
        var body = new LinkedHashMap<String, Object>();
        body.put("ticket", ticket);
        body.put("article", t.articles().isEmpty() ? null : ZammadApi.articleJson(t.articles().getLast()));
        return write(body);
    }

    /**
     * Fires the trigger webhook for a ticket at {@code target} as Zammad does: JSON body, {@code User-Agent},
     * {@code X-Zammad-Trigger}, {@code X-Zammad-Delivery} and, with a token, {@code X-Hub-Signature}.
     */
    public WebhookSender.Delivery sendWebhook(URI target, long ticketId, String triggerName, String signatureToken) {
        String body = webhookPayload(ticketId);
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "Zammad User Agent");
        headers.put("X-Zammad-Trigger", triggerName);
        headers.put("X-Zammad-Delivery", UUID.randomUUID().toString());
        if (signatureToken != null) {
            headers.put("X-Hub-Signature", WebhookSender.hubSignature(signatureToken, body));
        }
        return WebhookSender.post(target, body, headers);
    }

    private Reply handle(Exchange exchange) {
        try {
            authenticate(exchange.header("authorization"));
            Object body;
            synchronized (this) {
                body = route(exchange);
            }
            int status = exchange.method().equals("POST") ? 201 : 200;
            return Reply.json(status, write(body));
        } catch (ZammadError e) {
            Reply reply = Reply.json(e.status, write(e.body()));
            return e.status == 401 ? reply.withHeader("X-Failure", e.getMessage()) : reply;
        } catch (JsonProcessingException | NumberFormatException e) {
            return Reply.json(422, write(Map.of("error", "Invalid request: " + e.getMessage())));
        }
    }

    private void authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw new ZammadError(403, "Authentication required");
        }
        if (header.startsWith("Token token=") || header.startsWith("Bearer ")) {
            String token = header.substring(header.indexOf(header.startsWith("Bearer ") ? ' ' : '=') + 1).strip();
            if (!tokens.contains(token)) {
                throw new ZammadError(401, "Can't find User for Token");
            }
            return;
        }
        if (header.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8).split(":", 2);
            if (pair.length == 2 && pair[1].equals(passwords.get(pair[0]))) {
                return;
            }
        }
        throw new ZammadError(401, "Invalid BasicAuth credentials");
    }

    private Object route(Exchange e) throws JsonProcessingException {
        Map<String, String> q = query(e.query());
        String key = e.method() + " " + e.path();
        Matcher ticket = TICKET.matcher(e.path());
        Matcher byTicket = BY_TICKET.matcher(e.path());
        return switch (key) {
            case "GET /api/v1/tickets/search" -> api.search(q);
            case "POST /api/v1/tickets" -> api.create(body(e));
            case "POST /api/v1/ticket_articles" -> api.addArticle(body(e));
            case "GET /api/v1/tags" -> api.tags(Long.parseLong(q.get("o_id")));
            case "POST /api/v1/tags/add" -> api.tag(body(e), true);
            case "DELETE /api/v1/tags/remove" -> api.tag(body(e), false);
            case "GET /api/v1/groups" -> api.lookup(store.groups);
            case "GET /api/v1/ticket_priorities" -> api.lookup(store.priorities);
            case "GET /api/v1/ticket_states" -> api.lookup(store.states);
            case "GET /api/v1/users/me" -> Map.of("id", 1, "login", "admin@example.com");
            default -> {
                if (ticket.matches() && e.method().equals("GET")) {
                    yield api.show(Long.parseLong(ticket.group(1)), q);
                } else if (ticket.matches() && e.method().equals("PUT")) {
                    yield api.update(Long.parseLong(ticket.group(1)), body(e), q);
                } else if (byTicket.matches() && e.method().equals("GET")) {
                    yield api.articles(Long.parseLong(byTicket.group(1)));
                }
                throw new ZammadError(404, "No route matches [" + e.method() + "] \"" + e.path() + "\"");
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Exchange e) throws JsonProcessingException {
        return e.body().isBlank() ? Map.of() : json.readValue(e.body(), Map.class);
    }

    private static Map<String, String> query(String raw) {
        var out = new LinkedHashMap<String, String>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
