package dev.otai.otobo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.ticket.Ticket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtoboMappingTest {

    private static Map<?, ?> json(String text) throws Exception {
        return new ObjectMapper().readValue(text, Map.class);
    }

    @Test
    void ids_may_be_numbers_and_article_may_be_a_single_object() throws Exception {
        Ticket t = OtoboMapping.ticket(json("""
                {"TicketID":42,"TicketNumber":"2025010110000011","Title":"Drucker","Queue":"IT","QueueID":9,
                 "Priority":"3 normal","PriorityID":"3","Created":"2025-01-01 10:00:00",
                 "Article":{"ArticleID":102,"Subject":"s","Body":"b","ContentType":"text/plain; charset=utf-8","IsVisibleForCustomer":"0"}}
                """));

        assertThat(t.id()).isEqualTo("42");
        assertThat(t.queue().id()).isEqualTo("9");
        assertThat(t.notes()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("102");
            assertThat(n.contentType()).isEqualTo("text/plain");
            assertThat(n.visibleToCustomer()).isFalse();
        });
        assertThat(t.created()).hasToString("2025-01-01T10:00:00Z");
    }

    @Test
    void dynamic_fields_become_fields_and_customer_user_the_customer() throws Exception {
        Ticket t = OtoboMapping.ticket(json("""
                {"TicketID":"1","CustomerUserID":"kunde@example.com","DynamicField":[{"Name":"AIConfidence","Value":"0.9"}],"Article":[]}
                """));

        assertThat(t.fields()).containsEntry("AIConfidence", "0.9");
        assertThat(t.customer().name()).isEqualTo("kunde@example.com");
        assertThat(t.body()).isEmpty();
    }
}
