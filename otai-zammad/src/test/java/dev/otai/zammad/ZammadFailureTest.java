package dev.otai.zammad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.testkit.http.Fault;
import dev.otai.testkit.zammad.FakeZammad;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZammadFailureTest {

    private final FakeZammad fake = new FakeZammad();
    private final ZammadFixture fixture = new ZammadFixture();
    private final ZammadTicketSystem zammad = fixture.system(fake);

    @AfterEach
    void close() {
        zammad.close();
        fake.close();
    }

    @Test
    void a_wrong_token_gives_a_clear_401_error_without_the_token() {
        String token = "not-the-Token-0815";
        try (var wrong = new ZammadTicketSystem(fixture.settings(fake, token, "token"))) {
            assertThatThrownBy(() -> wrong.find(TicketQuery.inQueue("Users", 1)))
                    .isInstanceOfSatisfying(HelpdeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HelpdeskException.Kind.AUTHENTICATION);
                        assertThat(e.getMessage()).contains("HTTP 401").contains("Can't find User for Token")
                                .contains("access_token").doesNotContain(token);
                    });
        }
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void a_bearer_token_is_accepted() throws Exception {
        fake.addTicket("T", "b", "Users");
        try (var bearer = new ZammadTicketSystem(fixture.settings(fake, FakeZammad.TOKEN, "bearer"))) {
            assertThat(bearer.find(TicketQuery.inQueue("Users", 1))).hasSize(1);
        }
        assertThat(fake.requests().getFirst().header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void server_errors_drops_malformed_json_and_429_are_retried_honouring_retry_after() throws Exception {
        fake.addTicket("T", "b", "Users");
        fake.faults().next(Fault.status(500), Fault.drop(), Fault.malformedJson(), Fault.tooManyRequests(Duration.ofSeconds(3)));

        assertThat(zammad.find(TicketQuery.inQueue("Users", 1))).hasSize(1);
        // the JDK client itself retries a GET once after a dropped connection, so there may be one wait fewer
        assertThat(fixture.waits).hasSizeBetween(3, 4).contains(Duration.ofSeconds(3));
    }

    @Test
    void a_note_whose_answer_was_lost_is_not_sent_again() throws Exception {
        long id = fake.addTicket("T", "b", "Users");
        fake.faults().next(Fault.afterApply(Fault.status(503)));

        zammad.addNote(Long.toString(id), Note.internal("AI", "Queue Sales"));

        assertThat(fake.ticket(id).addedArticles()).hasSize(1);
    }

    @Test
    void a_note_rejected_before_taking_effect_is_sent_again() throws Exception {
        long id = fake.addTicket("T", "b", "Users");
        fake.faults().next(Fault.drop());

        zammad.addNote(Long.toString(id), Note.internal("AI", "Queue Sales"));

        assertThat(fake.ticket(id).addedArticles()).hasSize(1);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void a_created_ticket_whose_answer_was_lost_is_not_created_again() throws Exception {
        fake.faults().next(Fault.afterApply(Fault.drop()));

        zammad.create(new NewTicket("Help", "It broke", Entity.named("Users"), null, null, null, List.of(), Map.of()));

        assertThat(fake.tickets()).hasSize(1);
    }

    @Test
    void check_connection_names_the_user_and_the_search() throws Exception {
        assertThat(zammad.checkConnection()).contains("admin@example.com").contains("search returned 0 tickets");
    }
}
