package dev.otai.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.EventTrigger;
import dev.otai.testkit.zammad.FakeZammad;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZammadWebhookTest {

    @Test
    void the_fake_trigger_payload_names_the_ticket_for_a_refetch() throws Exception {
        try (var fake = new FakeZammad()) {
            long id = fake.addTicket("Webhook-Test", "This is a simple Webhook Test.", "Service Desk");
            @SuppressWarnings("unchecked")
            Map<String, Object> body = new ObjectMapper().readValue(fake.webhookPayload(id), Map.class);

            var event = new ZammadWebhookReader().read(new EventTrigger.Request(new byte[0], Map.of()), body).orElseThrow();

            assertThat(event.helpdesk()).isEqualTo("zammad");
            assertThat(event.ticketId()).isEqualTo(Long.toString(id));
            assertThat(event.articleId()).isNotEmpty();
        }
    }
}
