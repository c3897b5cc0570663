package dev.otai.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.EventTrigger;
import dev.otai.api.ticket.WebhookReader.WebhookEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZammadWebhookReaderTest {

    @Test
    void zammad_trigger_payload_gives_ticket_and_article_ids() {
        var body = new HashMap<String, Object>();
        body.put("ticket", Map.of("id", 81, "number", "10081", "group", Map.of("id", 3, "name", "Service Desk")));
        body.put("article", Map.of("id", 104, "ticket_id", 81));

        assertThat(read(body)).contains(new WebhookEvent("zammad", "", "81", "104", "10081"));
    }

    @Test
    void zammad_payload_without_article_has_an_empty_article_id() {
        var body = new HashMap<String, Object>();
        body.put("ticket", Map.of("id", 5));
        body.put("article", null);

        assertThat(read(body).orElseThrow().articleId()).isEmpty();
    }

    @Test
    void a_body_without_a_ticket_id_is_not_zammads() {
        assertThat(read(Map.of("ticket", Map.of("number", "10081")))).isEmpty();
        assertThat(read(Map.of("TicketID", "7"))).isEmpty();
    }

    @Test
    void the_trigger_header_names_the_event_and_the_delivery_header_identifies_a_retry() {
        var reader = new ZammadWebhookReader();
        var request = new EventTrigger.Request(new byte[0],
                Map.of("x-zammad-trigger", List.of("AI routing"), "x-zammad-delivery", List.of("d-7")));

        assertThat(reader.eventName(request)).contains("AI routing");
        assertThat(reader.deliveryId(request)).contains("d-7");
        assertThat(reader.deliveryId(new EventTrigger.Request(new byte[0], Map.of("x-zammad-delivery", List.of(" "))))).isEmpty();
    }

    private static Optional<WebhookEvent> read(Map<String, ?> body) {
        return new ZammadWebhookReader().read(new EventTrigger.Request(new byte[0], Map.of()), body);
    }
}
