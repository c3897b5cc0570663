package dev.otai.testkit;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classifier;
import dev.otai.api.ticket.TicketSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test services as a plugin named {@code testkit}: {@code testkit:InMemoryTicketSystem} (param {@code tickets}:
 * a list of {id, title, body, queue}) and {@code testkit:StubClassifier} (params {@code labels}, {@code keywords}).
 */
public final class TestkitPlugin implements Plugin {

    @Override
    public String name() {
        return "testkit";
    }

    private static final Param<String> ID = Param.string("id");
    private static final Param<String> TITLE = Param.string("title");
    private static final Param<String> BODY = Param.string("body");
    private static final Param<String> QUEUE = Param.string("queue");
    private static final Param<List<Object>> TICKETS = Param.list("tickets")
            .ofItems(Param.map("ticket").withFields(ID, TITLE, BODY, QUEUE))
            .describedAs("tickets to start with: {id, title, body, queue}");
    private static final Param<String> PASSWORD = Param.string("password").secretValue()
            .describedAs("accepted and checked to be text");
    private static final Param<List<Object>> LABELS = Param.list("labels").mandatory().describedAs("labels chosen by hash");
    private static final Param<Map<String, Object>> KEYWORDS = Param.map("keywords").withValues(Param.string("label"))
            .describedAs("keyword to label, checked first");

    @Override
    public List<PipeType> pipes() {
        return List.of(FilePipes.TOUCH, FilePipes.AWAIT_FILE);
    }

    @Override
    public List<ServiceType> services() {
        return List.of(
                ServiceType.of("InMemoryTicketSystem", "An in-process ticket system for tests.", TicketSystem.class,
                        List.of(TICKETS, PASSWORD),
                        setup -> {
                            var system = new InMemoryTicketSystem().password(setup.params().find(PASSWORD).orElse(null));
                            for (Object item : setup.params().find(TICKETS).orElse(List.of())) {
                                @SuppressWarnings("unchecked")
                                Params t = Params.of((Map<String, Object>) item);
                                system.add(text(t, ID), text(t, TITLE), text(t, BODY), text(t, QUEUE));
                            }
                            return system;
                        }),
                ServiceType.of("StubClassifier", "A deterministic keyword/hash classifier for tests.", Classifier.class,
                        List.of(LABELS, KEYWORDS),
                        setup -> {
                            var keywords = new LinkedHashMap<String, String>();
                            setup.params().find(KEYWORDS).orElse(Map.of())
                                    .forEach((k, v) -> keywords.put(k.toLowerCase(Locale.ROOT), String.valueOf(v)));
                            return new StubClassifier(setup.params().get(LABELS).stream().map(String::valueOf).toList(), keywords);
                        }));
    }

    private static String text(Params ticket, Param<String> field) {
        return String.valueOf(ticket.find(field).orElse(null));
    }
}
