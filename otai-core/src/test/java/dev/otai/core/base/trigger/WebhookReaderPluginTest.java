package dev.otai.core.base.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.EventTrigger;
import dev.otai.api.Params;
import dev.otai.api.Plugin;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.core.base.BasePlugin;
import dev.otai.core.orchestration.WebhookReaders;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.StandaloneSetup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A webhook trigger knows no helpdesk: what an event says about a ticket comes from the plugins' readers. */
class WebhookReaderPluginTest {

    /** A helpdesk plugin whose webhooks look like {@code {"desk_ticket": 7}} with {@code X-Desk-Delivery}. */
    static final class DeskPlugin implements Plugin {

        @Override
        public String name() {
            return "desk";
        }

        @Override
        public List<WebhookReader> webhookReaders() {
            return List.of(new WebhookReader() {
                @Override
                public Optional<WebhookEvent> read(EventTrigger.Request request, Map<String, ?> body) {
                    return body.containsKey("desk_ticket") ? Optional.of(new WebhookEvent("desk", "updated",
                            String.valueOf(body.get("desk_ticket")), "", "")) : Optional.empty();
                }

                @Override
                public Optional<String> eventName(EventTrigger.Request request) {
                    return Optional.ofNullable(request.header("x-desk-event"));
                }

                @Override
                public Optional<String> deliveryId(EventTrigger.Request request) {
                    return Optional.ofNullable(request.header("x-desk-delivery"));
                }
            });
        }
    }

    private final PluginRegistry registry = PluginRegistry.of(List.of(new DeskPlugin(), new BasePlugin()));
    private final WebhookTrigger trigger = new WebhookTrigger(new FakeClock(), new WebhookReaders(registry.webhookReaders()));
    private final Params params = StandaloneSetup.params(WebhookTrigger.TYPE.params(), Map.of("allow_unauthenticated", true));

    @Test
    void the_registry_offers_every_plugins_readers_in_plugin_order() {
        assertThat(registry.webhookReaders()).hasSize(2);
        assertThat(registry.webhookReaders().getFirst()).isInstanceOf(ZendeskDeliveries.class);
    }

    @Test
    void a_plugins_reader_names_the_helpdesk_ticket_event_and_delivery() {
        var verdict = trigger.accept(request("{\"desk_ticket\": 7}", Map.of("x-desk-delivery", "d-1")), params);

        assertThat(verdict).isInstanceOfSatisfying(EventTrigger.Accepted.class, accepted -> assertThat(accepted.event())
                .containsEntry("helpdesk", "desk").containsEntry("ticket_id", "7").containsEntry("event", "updated")
                .containsEntry("delivery", "d-1").containsEntry("article_id", ""));
    }

    @Test
    void a_body_no_reader_knows_has_no_ticket_and_takes_its_event_name_from_a_readers_header() {
        var verdict = trigger.accept(request("{\"other\": 1}", Map.of("x-desk-event", "ping")), params);

        assertThat(verdict).isInstanceOfSatisfying(EventTrigger.Accepted.class, accepted -> assertThat(accepted.event())
                .containsEntry("helpdesk", null).containsEntry("ticket_id", null).containsEntry("event", "ping")
                .containsEntry("delivery", null));
    }

    @Test
    void a_delivery_id_found_by_a_reader_is_acknowledged_once_queued_instead_of_delivered_again() {
        var first = (EventTrigger.Accepted) trigger.accept(request("{}", Map.of("x-desk-delivery", "d-2")), params);
        first.receipt().queued();

        assertThat(trigger.accept(request("{}", Map.of("x-desk-delivery", "d-2")), params))
                .isEqualTo(new EventTrigger.Duplicate("d-2"));
        assertThat(trigger.accept(request("{}", Map.of("x-zendesk-webhook-invocation-id", "z-1")), params))
                .isInstanceOf(EventTrigger.Accepted.class);
    }

    private static EventTrigger.Request request(String body, Map<String, String> headers) {
        return new EventTrigger.Request(body.getBytes(StandardCharsets.UTF_8), headers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
    }
}
