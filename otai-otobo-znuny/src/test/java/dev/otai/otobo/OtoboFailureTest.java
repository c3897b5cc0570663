package dev.otai.otobo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.testkit.http.Fault;
import dev.otai.testkit.otobo.FakeOtobo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OtoboFailureTest {

    private final FakeOtobo fake = new FakeOtobo();
    private final OtoboFixture fixture = new OtoboFixture();
    private final OtoboZnunyTicketSystem otobo = fixture.system(fake);

    @AfterEach
    void close() {
        otobo.close();
        fake.close();
    }

    @Test
    void bad_credentials_give_a_clear_error_without_the_password_and_no_retry() {
        String password = "wrong-Secret-4711";
        var logs = new ListAppender<ILoggingEvent>();
        logs.start();
        var logger = (Logger) LoggerFactory.getLogger("dev.otai");
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addAppender(logs);
        try (var wrong = new OtoboZnunyTicketSystem(fixture.settings(fake, password, false))) {
            assertThatThrownBy(() -> wrong.find(TicketQuery.inQueue("Raw", 1)))
                    .isInstanceOfSatisfying(HelpdeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(HelpdeskException.Kind.AUTHENTICATION);
                        assertThat(e.getMessage()).contains("TicketSearch.AuthFail").contains("open_ticket_ai")
                                .doesNotContain(password);
                    });
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(before);
        }
        assertThat(fake.requests()).hasSize(1);
        assertThat(logs.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains(password));
    }

    @Test
    void a_session_is_created_once_and_its_id_replaces_the_password() throws Exception {
        fake.addTicket("a", "b", "Raw");
        try (var sessions = new OtoboZnunyTicketSystem(fixture.settings(fake, FakeOtobo.PASSWORD, true))) {
            sessions.find(TicketQuery.inQueue("Raw", 1));
            sessions.find(TicketQuery.inQueue("Raw", 1));
        }

        assertThat(fake.requests()).extracting(r -> r.path().substring(r.path().lastIndexOf('/') + 1))
                .containsExactly("session", "ticket-search", "ticket-get", "ticket-search", "ticket-get");
        assertThat(fake.requests().subList(1, 5)).allSatisfy(r ->
                assertThat(r.body()).contains("SessionID").doesNotContain(FakeOtobo.PASSWORD));
    }

    @Test
    void server_errors_dropped_connections_and_malformed_json_are_retried() throws Exception {
        fake.addTicket("a", "b", "Raw");
        fake.faults().next(Fault.status(503), Fault.drop(), Fault.malformedJson());

        assertThat(otobo.find(TicketQuery.inQueue("Raw", 1))).hasSize(1);
        assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(503, 0, 200, 200, 200);
        assertThat(fixture.waits).hasSize(3);
    }

    @Test
    void too_many_requests_waits_at_least_retry_after() throws Exception {
        fake.faults().next(Fault.tooManyRequests(Duration.ofSeconds(7)));

        otobo.find(TicketQuery.inQueue("Raw", 1));

        assertThat(fixture.waits).singleElement().isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void a_client_error_is_not_retried() {
        fake.faults().next(Fault.status(404));

        assertThatThrownBy(() -> otobo.find(TicketQuery.inQueue("Raw", 1)))
                .isInstanceOfSatisfying(HelpdeskException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void retries_stop_after_max_attempts_with_the_last_status_in_the_message() {
        fake.faults().every(1, Fault.status(502));

        assertThatThrownBy(() -> otobo.find(TicketQuery.inQueue("Raw", 1)))
                .hasMessageStartingWith("OTOBO/Znuny TicketSearch failed (HTTP 502)");
        assertThat(fake.requests()).hasSize(4);
    }

    @Test
    void a_note_whose_answer_was_lost_is_not_sent_again() throws Exception {
        String id = fake.addTicket("a", "b", "Raw");
        fake.faults().next(Fault.afterApply(Fault.drop()));

        otobo.addNote(id, Note.internal("AI", "Queue IT"));

        assertThat(fake.ticket(id).addedArticles()).hasSize(1);
    }

    @Test
    void a_note_that_failed_before_taking_effect_is_sent_again() throws Exception {
        String id = fake.addTicket("a", "b", "Raw");
        fake.faults().next(Fault.status(500));

        otobo.addNote(id, Note.internal("AI", "Queue IT"));

        assertThat(fake.ticket(id).addedArticles()).hasSize(1);
        assertThat(fake.requests()).hasSize(3); // failed update, read-back, update
    }

    @Test
    void a_created_ticket_whose_answer_was_lost_is_not_created_again() throws Exception {
        fake.faults().next(Fault.afterApply(Fault.status(500)));

        var created = otobo.create(new NewTicket("Neu", "Text", Entity.named("Raw"), null, null, null, List.of(), Map.of()));

        assertThat(fake.tickets()).singleElement().satisfies(t -> assertThat(t.id()).isEqualTo(created.id()));
    }

    @Test
    void an_unknown_web_service_is_named_in_the_error() {
        try (var other = new FakeOtobo("SomethingElse"); var wrong = fixture.system(other)) {
            assertThatThrownBy(() -> wrong.find(TicketQuery.inQueue("Raw", 1)))
                    .hasMessageContaining("HTTP 500").hasMessageContaining("web service 'OpenTicketAI'");
        }
    }
}
