package dev.otai.otobo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.testkit.otobo.FakeOtobo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ticket ids from templates or webhook payloads never change the path or query of a GenericInterface request. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTicketIdTest {

    private static final String HOSTILE = "1/../../admin?x=";

    private final FakeOtobo fake = new FakeOtobo().queue("Raw");
    private final OtoboFixture fixture = new OtoboFixture();

    @AfterEach
    void close() {
        fake.close();
    }

    /** The generic ticket connector's REST routes, where the id is part of the path. */
    private OtoboZnunyTicketSystem withIdInThePath() {
        fake.route("TicketGet", "/Ticket/:TicketID", false, "GET").route("TicketUpdate", "/Ticket/:TicketID", true, "PATCH");
        var base = fixture.settings(fake, FakeOtobo.PASSWORD, false);
        var routes = new HashMap<>(OtoboSettings.DEFAULT_ROUTES);
        routes.putAll(Map.of("TicketGet", "Ticket/:TicketID", "TicketUpdate", "Ticket/:TicketID"));
        var methods = new HashMap<>(OtoboSettings.DEFAULT_METHODS);
        methods.putAll(Map.of("TicketGet", "GET", "TicketUpdate", "PATCH"));
        return new OtoboZnunyTicketSystem(new OtoboSettings(base.baseUrl(), base.username(), base.password(),
                base.webservice(), routes, methods, false, base.connectTimeout(), base.requestTimeout(), base.retry(), 0, null));
    }

    @Test
    void hostile_id_is_refused_before_any_request_with_the_expected_shape() {
        var update = new TicketUpdate("new title", null, null, null, null, null, List.of(), List.of(), null, null);
        try (var otobo = withIdInThePath()) {
            assertThatThrownBy(() -> otobo.get(HOSTILE)).isInstanceOf(HelpdeskException.class).hasMessage(
                    "OTOBO/Znuny TicketGet failed (no HTTP response): ticket id was \"1/../../admin?x=\"; expected an "
                            + "OTOBO/Znuny TicketID (a positive integer such as 42)");
            assertThatThrownBy(() -> otobo.update(HOSTILE, update)).hasMessageContaining("TicketUpdate failed")
                    .hasMessageContaining("ticket id was \"1/../../admin?x=\"");
            assertThatThrownBy(() -> otobo.addNote(HOSTILE, Note.internal("s", "b")))
                    .hasMessageContaining("ticket id was \"1/../../admin?x=\"");
            assertThatThrownBy(() -> otobo.get("1,2")).hasMessageContaining("ticket id was \"1,2\"");
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void numeric_id_fills_exactly_its_path_segment() throws Exception {
        String id = fake.addTicket("Printer", "jams", "Raw");
        try (var otobo = withIdInThePath()) {
            assertThat(otobo.get(id)).isPresent();
        }
        assertThat(fake.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/otobo/nph-genericinterface.pl/Webservice/OpenTicketAI/Ticket/" + id);
        });
    }

    @Test
    void hostile_text_in_a_path_placeholder_would_stay_one_encoded_segment() {
        assertThat(TicketIds.pathSegment(HOSTILE)).isEqualTo("1%2F..%2F..%2Fadmin%3Fx%3D");
        assertThat(TicketIds.pathSegment("12,13")).isEqualTo("12,13");
    }
}
