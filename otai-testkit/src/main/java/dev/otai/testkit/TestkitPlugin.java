package dev.otai.testkit;

import dev.otai.api.ParamSpec;
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

    @Override
    public List<PipeType> pipes() {
        return List.of(FilePipes.TOUCH, FilePipes.AWAIT_FILE);
    }

    @Override
    public List<ServiceType> services() {
        return List.of(
                ServiceType.of("InMemoryTicketSystem", "An in-process ticket system for tests.", TicketSystem.class,
                        List.of(ParamSpec.list("tickets").describedAs("tickets to start with: {id, title, body, queue}"),
                                ParamSpec.string("password").secretValue().describedAs("accepted and checked to be text")),
                        setup -> {
                            var system = new InMemoryTicketSystem().password(setup.params().value("password"));
                            if (setup.params().has("tickets")) {
                                for (Object item : setup.params().list("tickets")) {
                                    Map<?, ?> t = (Map<?, ?>) item;
                                    system.add(String.valueOf(t.get("id")), String.valueOf(t.get("title")),
                                            String.valueOf(t.get("body")), String.valueOf(t.get("queue")));
                                }
                            }
                            return system;
                        }),
                ServiceType.of("StubClassifier", "A deterministic keyword/hash classifier for tests.", Classifier.class,
                        List.of(ParamSpec.list("labels").mandatory().describedAs("labels chosen by hash"),
                                ParamSpec.map("keywords").describedAs("keyword to label, checked first")),
                        setup -> {
                            var keywords = new LinkedHashMap<String, String>();
                            if (setup.params().has("keywords")) {
                                setup.params().map("keywords").forEach((k, v) -> keywords.put(k.toLowerCase(Locale.ROOT), String.valueOf(v)));
                            }
                            return new StubClassifier(setup.params().list("labels").stream().map(String::valueOf).toList(), keywords);
                        }));
    }
}
