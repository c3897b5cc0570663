package dev.otai.testkit.otobo;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OTOBO/Znuny GenericInterface REST provider over real HTTP on loopback, following the checklist in
 * {@code helpdesk-apis.md} §1.12: routes of the web service OTAI asks users to import, credentials in the body
 * or a session, business errors as HTTP 200 {@code {"Error":…}}, {@code {}} for an empty search, string ids,
 * {@code Article} as a list in TicketGet and an object in the update answer, customer-visible article default.
 */
public final class FakeOtobo implements AutoCloseable {

    public static final String USER = "open_ticket_ai";
    public static final String PASSWORD = "s3cret-Pa55";
    private static final Pattern SERVICE = Pattern.compile(".*/nph-genericinterface\\.pl/(?:WebserviceID/(\\d+)|Webservice/([^/?]+))(/.*)?");
    private static final Set<String> ALL_METHODS = Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

    private record Route(String path, Set<String> methods, boolean includeTicketData) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final OtoboStore store = new OtoboStore();
    private final OtoboReads reads = new OtoboReads(store);
    private final OtoboWrites writes = new OtoboWrites(store, reads);
    private final OtoboActivity activity = new OtoboActivity();
    private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
    private final Map<String, Route> routes = new TreeMap<>(); // operations are matched in sorted name order
    private final Map<String, String> users = new ConcurrentHashMap<>(Map.of(USER, PASSWORD));
    private final Map<String, String> sessions = new ConcurrentHashMap<>(); // session id -> login
    private final String webservice;
    private final FakeServer server;
    private volatile boolean rewriteUserLogin;
    private volatile boolean echoRequests;

    public FakeOtobo() {
        this("OpenTicketAI");
    }

    public FakeOtobo(String webservice) {
        this.webservice = webservice;
        routes.put("SessionCreate", new Route("/session", ALL_METHODS, false));
        routes.put("TicketCreate", new Route("/ticket-create", ALL_METHODS, false));
        routes.put("TicketGet", new Route("/ticket-get", ALL_METHODS, false));
        routes.put("TicketSearch", new Route("/ticket-search", ALL_METHODS, false));
        routes.put("TicketUpdate", new Route("/ticket-update", ALL_METHODS, true));
        this.server = new FakeServer(this::handle);
    }

    /** {@code http://127.0.0.1:<port>/otobo/nph-genericinterface.pl}: OTAI's {@code base_url}. */
    public String baseUrl() {
        return server.uri() + "/otobo/nph-genericinterface.pl";
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

    /** Routes an operation ({@code TicketSearch}…) at {@code path} (may hold {@code :Param}) for these methods. */
    public synchronized FakeOtobo route(String operation, String path, boolean includeTicketData, String... methods) {
        routes.put(operation, new Route(path, methods.length == 0 ? ALL_METHODS : Set.of(methods), includeTicketData));
        return this;
    }

    public FakeOtobo user(String login, String password) {
        users.put(login, password);
        return this;
    }

    /**
     * Delays every answer to {@code operation} ({@code TicketSearch}…) by {@code delay}, as a busy helpdesk does;
     * the request counts as arrived (for {@link #activity()}) before the delay, and is answered from the tickets
     * as they are after it.
     */
    public FakeOtobo latency(String operation, Duration delay) {
        latencies.put(operation, delay);
        return this;
    }

    /** Who searched and wrote what, and when: for tests of several engines sharing this helpdesk. */
    public OtoboActivity activity() {
        return activity;
    }

    /** Emulates OTAI's inbound mapping that rewrites any {@code UserLogin} to {@code open_ticket_ai}. */
    public FakeOtobo rewriteUserLogin(boolean on) {
        this.rewriteUserLogin = on;
        return this;
    }

    /**
     * Makes every operation answer as a careless web service does: a business error (HTTP 200 {@code {"Error":…}})
     * whose message quotes the request as it arrived, method, path, raw query and raw body, credentials included.
     */
    public FakeOtobo echoRequests(boolean on) {
        this.echoRequests = on;
        return this;
    }

    public FakeOtobo queue(String name) {
        store.addQueue(name);
        return this;
    }

    /** Adds a ticket opened by a customer article; returns its id. */
    public String addTicket(String title, String body, String queue) {
        store.addQueue(queue);
        var first = new OtoboArticle(store.nextArticleId(), title, body, "text/plain", true, "customer", "Email", store.tick());
        return store.insert(title, queue, "3 normal", "new", "Unclassified", "kunde@example.com", first).id();
    }

    public OtoboTicket ticket(String id) {
        return store.get(id);
    }

    public List<OtoboTicket> tickets() {
        return store.all();
    }

    /**
     * Posts a ticket event at {@code target} as OTOBO's {@code Generic::PassThrough} invoker does:
     * {@code {"Event":"TicketCreate","TicketID":"123"}}, with Basic auth when {@code basicAuth} ("user:password") is
     * given.
     */
    public WebhookSender.Delivery sendEvent(URI target, String event, String ticketId, String basicAuth) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        if (basicAuth != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return WebhookSender.post(target, write(Map.of("Event", event, "TicketID", ticketId)), headers);
    }

    private Reply handle(Exchange exchange) {
        Matcher service = SERVICE.matcher(exchange.path());
        if (!service.matches() || !webservice.equals(name(service))) {
            return Reply.text(500, "");
        }
        String rest = service.group(3) == null ? "/" : service.group(3);
        Optional<Map.Entry<String, Map<String, Object>>> operation = operation(exchange.method(), rest);
        if (operation.isEmpty()) {
            return Reply.text(500, "HTTP::REST Error while determine Operation for request URI '" + exchange.path() + "'.");
        }
        if (echoRequests) {
            return Reply.json(200, write(Map.of("Error", Map.of("ErrorCode", operation.get().getKey() + ".InvalidParameter",
                    "ErrorMessage", "cannot process " + exchange.method() + " " + exchange.path()
                            + (exchange.query() == null ? "" : "?" + exchange.query()) + " " + exchange.body()))));
        }
        Map<String, Object> data;
        try {
            data = data(exchange, operation.get().getValue());
        } catch (JsonProcessingException | ClassCastException e) {
            return Reply.text(500, "Error while decoding request content.");
        }
        return reply(operation.get().getKey(), data);
    }

    private static String name(Matcher service) {
        return service.group(2) != null ? URLDecoder.decode(service.group(2), StandardCharsets.UTF_8) : "#" + service.group(1);
    }

    private synchronized Optional<Map.Entry<String, Map<String, Object>>> operation(String method, String path) {
        for (var route : routes.entrySet()) {
            if (!route.getValue().methods().contains(method)) {
                continue;
            }
            var names = new ArrayList<String>();
            Matcher placeholders = Pattern.compile(":(\\w+)").matcher(route.getValue().path());
            while (placeholders.find()) {
                names.add(placeholders.group(1));
            }
            Matcher m = Pattern.compile(route.getValue().path().replaceAll(":\\w+", "([^/]+)")).matcher(path);
            if (m.matches()) {
                var captured = new LinkedHashMap<String, Object>();
                for (int i = 0; i < names.size(); i++) {
                    captured.put(names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                }
                return Optional.of(Map.entry(route.getKey(), captured));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(Exchange exchange, Map<String, Object> uriParams) throws JsonProcessingException {
        var data = new LinkedHashMap<String, Object>();
        if (!"GET".equals(exchange.method()) && !exchange.body().isBlank()) {
            data.putAll(json.readValue(exchange.body(), Map.class));
        }
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                data.merge(key, value, (a, b) -> a instanceof List<?> l ? append(l, b) : List.of(a, b));
            }
        }
        data.putAll(uriParams);
        return data;
    }

    private static List<Object> append(List<?> list, Object value) {
        var out = new ArrayList<Object>(list);
        out.add(value);
        return out;
    }

    private Reply reply(String operation, Map<String, Object> data) {
        Instant arrived = Instant.now();
        try {
            String login = operation.equals("SessionCreate") ? null : authenticate(operation, data);
            String watched = operation.equals("TicketSearch") ? singleQueue(data) : null;
            if (watched != null) {
                activity.searchArrived(login, watched, arrived);
            }
            delay(operation);
            Map<String, Object> body;
            synchronized (store) {
                body = run(operation, data);
                record(operation, data, body, new Seen(arrived, login, watched));
            }
            return Reply.json(200, json.writeValueAsString(body));
        } catch (OtoboError e) {
            return Reply.json(200, write(e.body()));
        } catch (JsonProcessingException e) {
            return Reply.json(500, "{\"faultcode\":\"Server\",\"faultstring\":\"" + e.getOriginalMessage() + "\"}");
        }
    }

    private Map<String, Object> run(String operation, Map<String, Object> data) {
        if (operation.equals("SessionCreate")) {
            return createSession(data);
        }
        boolean include;
        synchronized (this) {
            include = routes.get(operation).includeTicketData();
        }
        return switch (operation) {
            case "TicketSearch" -> reads.search(data);
            case "TicketGet" -> reads.get(data);
            case "TicketUpdate" -> writes.update(data, include);
            case "TicketCreate" -> writes.create(data, include);
            default -> throw new OtoboError(operation + ".InvalidConfiguration", "unknown operation " + operation);
        };
    }

    private Map<String, Object> createSession(Map<String, Object> data) {
        if (!credentialsValid(data)) {
            throw new OtoboError("SessionCreate.AuthFail", "SessionCreate: Authorization failing!");
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        sessions.put(id, rewriteUserLogin ? USER : data.get("UserLogin").toString());
        return Map.of("SessionID", id);
    }

    /** Checks the request's credentials as OTOBO does; returns the agent's login. */
    private String authenticate(String operation, Map<String, Object> data) {
        String session = data.get("SessionID") == null ? null : sessions.get(data.get("SessionID").toString());
        if (session != null) {
            return session;
        }
        boolean writes = operation.equals("TicketUpdate") || operation.equals("TicketCreate");
        if (writes && data.get("SessionID") == null && data.get("UserLogin") == null && data.get("CustomerUserLogin") == null) {
            throw new OtoboError(operation + ".MissingParameter", operation + ": UserLogin, CustomerUserLogin or SessionID is required!");
        }
        if (writes && data.get("SessionID") == null && data.get("Password") == null) {
            throw new OtoboError(operation + ".MissingParameter", operation + ": Password or SessionID is required!");
        }
        if (!credentialsValid(data)) {
            throw new OtoboError(operation + ".AuthFail", operation + (writes ? ": User could not be authenticated!" : ": Authorization failing!"));
        }
        return rewriteUserLogin ? USER : data.get("UserLogin").toString();
    }

    /** When and by whom a request arrived, and the one queue it searched (or null). */
    private record Seen(Instant arrived, String login, String queue) {
    }

    private void record(String operation, Map<String, Object> data, Map<String, Object> body, Seen seen) {
        switch (operation) {
            case "TicketSearch" -> {
                if (seen.queue() != null) {
                    activity.searchAnswered(seen.login(), seen.queue(), seen.arrived(), OtoboReads.strings(body.get("TicketID")));
                }
            }
            case "TicketUpdate", "TicketCreate" -> activity.wrote(new OtoboActivity.Write(seen.arrived(), seen.login(), operation,
                    String.valueOf(body.get("TicketID")), !OtoboWrites.map(data.get("Ticket")).isEmpty()
                            || !OtoboWrites.map(data.get("DynamicField")).isEmpty(), data.get("Article") != null));
            default -> {
            }
        }
    }

    /** The name of the one queue a search asks for, or null when it asks for none or several. */
    private String singleQueue(Map<String, Object> data) {
        List<String> names = OtoboReads.strings(data.get("Queues"));
        List<String> ids = OtoboReads.strings(data.get("QueueIDs"));
        if (names.size() + ids.size() != 1) {
            return null;
        }
        synchronized (store) {
            return names.isEmpty() ? store.queues.getOrDefault(ids.getFirst(), "#" + ids.getFirst()) : names.getFirst();
        }
    }

    private void delay(String operation) {
        Duration delay = latencies.getOrDefault(operation, Duration.ZERO);
        if (delay.isPositive()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean credentialsValid(Map<String, Object> data) {
        Object login = data.get("UserLogin");
        if (login == null || data.get("Password") == null) {
            return false;
        }
        String user = rewriteUserLogin ? USER : login.toString();
        return data.get("Password").toString().equals(users.get(user));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
