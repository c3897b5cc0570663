package dev.otai.otobo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.EventTrigger;
import dev.otai.api.ticket.WebhookReader.WebhookEvent;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtoboWebhookReaderTest {

    @Test
    void otobo_pass_through_gives_event_and_ticket_id() {
        assertThat(read(Map.of("Event", "TicketCreate", "TicketID", "123")))
                .contains(new WebhookEvent("otobo-znuny", "TicketCreate", "123", "", ""));
    }

    @Test
    void otobo_article_create_carries_the_article_id() {
        assertThat(read(Map.of("Event", "ArticleCreate", "TicketID", "7", "ArticleID", "55")).orElseThrow().articleId())
                .isEqualTo("55");
    }

    @Test
    void otobo_ticket_invoker_payload_gives_the_ticket_id_and_number() {
        var event = read(Map.of("TicketID", 42, "TicketNumber", "2025010110000011",
                "Ticket", Map.of("Title", "x"), "Article", Map.of("ArticleID", "101"))).orElseThrow();

        assertThat(event.ticketId()).isEqualTo("42");
        assertThat(event.ticketNumber()).isEqualTo("2025010110000011");
        assertThat(event.articleId()).isEqualTo("101");
    }

    @Test
    void znuny_ticket_generic_nests_the_event() {
        var event = read(Map.of("Ticket", Map.of("TicketID", "9", "TicketNumber", "1009"),
                "Event", Map.of("Event", "TicketQueueUpdate", "TicketID", "9"))).orElseThrow();

        assertThat(event).isEqualTo(new WebhookEvent("otobo-znuny", "TicketQueueUpdate", "9", "", "1009"));
    }

    @Test
    void a_body_naming_no_ticket_is_not_understood() {
        assertThat(read(Map.of("hello", "world"))).isEmpty();
        assertThat(read(Map.of("Event", "TicketCreate"))).isEmpty();
    }

    private static Optional<WebhookEvent> read(Map<String, ?> body) {
        return new OtoboWebhookReader().read(new EventTrigger.Request(new byte[0], Map.of()), body);
    }
}
