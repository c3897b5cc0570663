package dev.otai.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

    @Test
    void otobo_pass_through_gives_event_and_ticket_id() {
        assertThat(WebhookPayloads.parse(Map.of("Event", "TicketCreate", "TicketID", "123")))
                .contains(new WebhookPayloads.WebhookEvent("otobo-znuny", "TicketCreate", "123", "", ""));
    }

    @Test
    void otobo_article_create_carries_the_article_id() {
        assertThat(WebhookPayloads.parse(Map.of("Event", "ArticleCreate", "TicketID", "7", "ArticleID", "55")).orElseThrow().articleId())
                .isEqualTo("55");
    }

    @Test
    void otobo_ticket_invoker_payload_gives_the_ticket_id_and_number() {
        var event = WebhookPayloads.parse(Map.of("TicketID", 42, "TicketNumber", "2025010110000011",
                "Ticket", Map.of("Title", "x"), "Article", Map.of("ArticleID", "101"))).orElseThrow();

        assertThat(event.ticketId()).isEqualTo("42");
        assertThat(event.ticketNumber()).isEqualTo("2025010110000011");
        assertThat(event.articleId()).isEqualTo("101");
    }

    @Test
    void znuny_ticket_generic_nests_the_event() {
        var event = WebhookPayloads.parse(Map.of("Ticket", Map.of("TicketID", "9", "TicketNumber", "1009"),
                "Event", Map.of("Event", "TicketQueueUpdate", "TicketID", "9"))).orElseThrow();

        assertThat(event).isEqualTo(new WebhookPayloads.WebhookEvent("otobo-znuny", "TicketQueueUpdate", "9", "", "1009"));
    }

    @Test
    void zammad_trigger_payload_gives_ticket_and_article_ids() {
        var body = new HashMap<String, Object>();
        body.put("ticket", Map.of("id", 81, "number", "10081", "group", Map.of("id", 3, "name", "Service Desk")));
        body.put("article", Map.of("id", 104, "ticket_id", 81));

        assertThat(WebhookPayloads.parse(body)).contains(new WebhookPayloads.WebhookEvent("zammad", "", "81", "104", "10081"));
    }

    @Test
    void zammad_payload_without_article_has_an_empty_article_id() {
        var body = new HashMap<String, Object>();
        body.put("ticket", Map.of("id", 5));
        body.put("article", null);

        assertThat(WebhookPayloads.parse(body).orElseThrow().articleId()).isEmpty();
    }

    @Test
    void a_body_naming_no_ticket_is_not_understood() {
        assertThat(WebhookPayloads.parse(Map.of("hello", "world"))).isEmpty();
        assertThat(WebhookPayloads.parse(Map.of("Event", "TicketCreate"))).isEmpty();
    }
}
