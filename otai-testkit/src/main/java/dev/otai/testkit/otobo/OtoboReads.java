package dev.otai.testkit.otobo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** TicketSearch and TicketGet of the fake, following OTOBO's {@code Operation/Ticket/*.pm}. */
final class OtoboReads {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OtoboStore store;

    OtoboReads(OtoboStore store) {
        this.store = store;
    }

    Map<String, Object> search(Map<String, Object> data) {
        List<String> queueNames = strings(data.get("Queues"));
        List<String> queueIds = strings(data.get("QueueIDs"));
        var wanted = new ArrayList<>(queueIds);
        for (String name : queueNames) {
            String id = OtoboStore.idOf(store.queues, name);
            if (id == null) {
                return Map.of(); // an unknown queue name empties the whole search
            }
            wanted.add(id);
        }
        List<String> states = strings(data.get("States"));
        List<String> stateTypes = strings(data.get("StateType"));
        String title = data.get("Title") == null ? null : data.get("Title").toString();
        String newer = data.get("TicketLastChangeTimeNewerDate") == null ? null : data.get("TicketLastChangeTimeNewerDate").toString();
        int limit = data.get("Limit") == null ? 0 : Integer.parseInt(data.get("Limit").toString());
        Stream<OtoboTicket> hits = store.all().stream()
                .filter(t -> wanted.isEmpty() || wanted.contains(OtoboStore.idOf(store.queues, t.queue())))
                .filter(t -> states.isEmpty() || states.contains(t.state()))
                .filter(t -> stateTypes.isEmpty() || stateTypes.contains(typeOf(t.state())))
                .filter(t -> title == null || like(t.title(), title))
                .filter(t -> newer == null || t.changed().isAfter(LocalDateTime.parse(newer, TIME).toInstant(ZoneOffset.UTC)));
        List<String> ids = hits.sorted(order(data)).limit(limit <= 0 ? 500 : limit).map(OtoboTicket::id).toList();
        return ids.isEmpty() ? Map.of() : Map.of("TicketID", ids);
    }

    private String typeOf(String state) {
        String type = store.stateTypes.get(state);
        return "new".equals(type) || "open".equals(type) ? type : Objects.requireNonNullElse(type, "closed");
    }

    private static Comparator<OtoboTicket> order(Map<String, Object> data) {
        Comparator<OtoboTicket> by = "Changed".equals(data.get("SortBy"))
                ? Comparator.comparing(OtoboTicket::changed) : Comparator.comparing(OtoboTicket::created);
        by = by.thenComparing(t -> Long.parseLong(t.id()));
        return "Up".equals(data.get("OrderBy")) ? by : by.reversed();
    }

    private static boolean like(String value, String pattern) {
        String regex = ("\\Q" + pattern + "\\E").replace("%", "\\E.*\\Q");
        return value != null && Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }

    Map<String, Object> get(Map<String, Object> data) {
        Object given = data.get("TicketID");
        if (given == null || given.toString().isBlank()) {
            throw new OtoboError("TicketGet.MissingParameter", "TicketGet: TicketID parameter is missing!");
        }
        if (given instanceof Map<?, ?>) {
            throw new OtoboError("TicketGet.WrongStructure", "TicketGet: Structure for TicketID is not correct!");
        }
        var out = new ArrayList<Object>();
        for (String id : given instanceof List<?> ? strings(given) : List.of(given.toString().split(","))) {
            OtoboTicket ticket = store.get(id.strip());
            if (ticket == null) {
                throw new OtoboError("TicketGet.AccessDenied", "TicketGet: User does not have access to the ticket " + id + "!");
            }
            out.add(ticketMap(ticket, data));
        }
        return Map.of("Ticket", out);
    }

    Map<String, Object> ticketMap(OtoboTicket t, Map<String, Object> data) {
        var map = new LinkedHashMap<String, Object>();
        map.put("TicketID", t.id());
        map.put("TicketNumber", t.number());
        map.put("Title", t.title());
        map.put("Queue", t.queue());
        map.put("QueueID", OtoboStore.idOf(store.queues, t.queue()));
        map.put("Priority", t.priority());
        map.put("PriorityID", OtoboStore.idOf(store.priorities, t.priority()));
        map.put("State", t.state());
        map.put("StateID", OtoboStore.idOf(store.states, t.state()));
        map.put("StateType", typeOf(t.state()));
        map.put("Type", t.type());
        map.put("CustomerID", t.customerId());
        map.put("CustomerUserID", t.customerUser());
        map.put("Owner", t.owner());
        map.put("OwnerID", "1");
        map.put("Created", TIME.format(t.created().atOffset(ZoneOffset.UTC)));
        map.put("Changed", TIME.format(t.changed().atOffset(ZoneOffset.UTC)));
        map.put("Age", 3600);
        if (flag(data.get("DynamicFields")) && !t.dynamicFields().isEmpty()) {
            var fields = new ArrayList<Object>();
            t.dynamicFields().forEach((name, value) -> fields.add(Map.of("Name", name, "Value", value)));
            map.put("DynamicField", fields);
        }
        if (flag(data.get("AllArticles"))) {
            map.put("Article", articles(t, data));
        }
        return map;
    }

    private List<Object> articles(OtoboTicket t, Map<String, Object> data) {
        var articles = new ArrayList<>(t.articles());
        if ("DESC".equals(data.get("ArticleOrder"))) {
            Collections.reverse(articles);
        }
        int limit = data.get("ArticleLimit") == null ? 0 : Integer.parseInt(data.get("ArticleLimit").toString());
        return articles.stream().limit(limit <= 0 ? Long.MAX_VALUE : limit).map(a -> (Object) articleMap(t, a)).toList();
    }

    static Map<String, Object> articleMap(OtoboTicket t, OtoboArticle a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("ArticleID", a.id());
        map.put("TicketID", t.id());
        map.put("Subject", a.subject());
        map.put("Body", a.body());
        map.put("ContentType", a.contentType() + "; charset=utf-8");
        map.put("MimeType", a.contentType());
        map.put("SenderType", a.senderType());
        map.put("CommunicationChannel", a.channel());
        map.put("IsVisibleForCustomer", a.visibleForCustomer() ? "1" : "0");
        map.put("CreateTime", TIME.format(a.created().atOffset(ZoneOffset.UTC)));
        return map;
    }

    static boolean flag(Object value) {
        return value != null && (value.equals(Boolean.TRUE) || "1".equals(value.toString()) || "true".equals(value.toString()));
    }

    static List<String> strings(Object value) {
        return switch (value) {
            case null -> List.of();
            case List<?> list -> list.stream().map(String::valueOf).toList();
            default -> List.of(value.toString());
        };
    }
}
