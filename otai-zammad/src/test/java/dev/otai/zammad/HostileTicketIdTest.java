package dev.otai.zammad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.testkit.http.RecordedRequest;
import dev.otai.testkit.zammad.FakeZammad;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ticket ids from templates or webhook payloads never change the path or query of a request to Zammad. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTicketIdTest {

    private static final String HOSTILE = "1/../../admin?x=";

    private final FakeZammad fake = new FakeZammad();
    private final ZammadTicketSystem zammad = new ZammadFixture().system(fake);

    @AfterEach
    void close() {
        zammad.close();
        fake.close();
    }

    @Test
    void hostile_id_is_refused_before_any_request_with_the_expected_shape() {
        var update = new TicketUpdate("new title", null, null, null, null, null, List.of(), List.of(), null, null);
        var note = Note.internal("subject", "body");

        assertThatThrownBy(() -> zammad.get(HOSTILE)).isInstanceOf(HelpdeskException.class).hasMessage(
                "Zammad get ticket failed (no HTTP response): ticket id was \"1/../../admin?x=\"; expected a Zammad "
                        + "ticket id (a positive integer such as 42)");
        assertThatThrownBy(() -> zammad.update(HOSTILE, update)).hasMessageContaining("update ticket failed")
                .hasMessageContaining("ticket id was \"1/../../admin?x=\"");
        assertThatThrownBy(() -> zammad.addNote(HOSTILE, note)).hasMessageContaining("add note failed")
                .hasMessageContaining("ticket id was \"1/../../admin?x=\"");
        assertThatThrownBy(() -> zammad.get("7\r\nX-Injected: 1")).hasMessageContaining("ticket id was \"7\\u000d\\u000aX-Injected: 1\"");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void numeric_id_reaches_exactly_its_own_paths() throws Exception {
        long id = fake.addTicket("Printer", "jams", "Users");

        assertThat(zammad.get(Long.toString(id))).isPresent();

        assertThat(fake.requests()).extracting(RecordedRequest::path).contains("/api/v1/tickets/" + id,
                "/api/v1/ticket_articles/by_ticket/" + id);
        assertThat(fake.requests()).filteredOn(r -> r.path().equals("/api/v1/tags"))
                .extracting(RecordedRequest::query).containsExactly("object=Ticket&o_id=" + id);
    }
}
