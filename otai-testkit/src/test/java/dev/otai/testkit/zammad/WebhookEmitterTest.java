package dev.otai.testkit.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.http.FakeServer;
import dev.otai.testkit.http.Reply;
import dev.otai.testkit.http.WebhookSender;
import dev.otai.testkit.otobo.FakeOtobo;
import org.junit.jupiter.api.Test;

class WebhookEmitterTest {

    @Test
    void zammad_webhook_carries_trigger_delivery_and_a_valid_signature() {
        try (var zammad = new FakeZammad(); var endpoint = new FakeServer(e -> Reply.json(200, "{}"))) {
            long id = zammad.addTicket("Webhook-Test", "simple test", "Users");

            var delivery = zammad.sendWebhook(endpoint.uri().resolve("/hooks/zammad"), id, "AI routing", "s3cret");

            assertThat(delivery.status()).isEqualTo(200);
            var received = endpoint.requests().getFirst();
            assertThat(received.header("X-Zammad-Trigger")).isEqualTo("AI routing");
            assertThat(received.header("X-Zammad-Delivery")).isNotBlank();
            assertThat(received.header("X-Hub-Signature")).isEqualTo(WebhookSender.hubSignature("s3cret", received.body()));
            assertThat(received.body()).contains("\"ticket\":{\"id\":" + id).contains("\"group\":{");
        }
    }

    @Test
    void otobo_pass_through_event_is_the_event_data_only() {
        try (var otobo = new FakeOtobo(); var endpoint = new FakeServer(e -> Reply.json(200, "{}"))) {
            otobo.sendEvent(endpoint.uri().resolve("/hooks/otobo"), "TicketCreate", "123", "otobo:secret");

            var received = endpoint.requests().getFirst();
            assertThat(received.body()).contains("\"Event\":\"TicketCreate\"").contains("\"TicketID\":\"123\"");
            assertThat(received.header("Authorization")).startsWith("Basic ");
        }
    }
}
