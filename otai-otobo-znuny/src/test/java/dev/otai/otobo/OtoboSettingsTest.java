package dev.otai.otobo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.Params;
import dev.otai.api.PipeType;
import dev.otai.support.retry.RetryTiming;
import dev.otai.support.retry.Sleeper;
import dev.otai.testkit.StandaloneSetup;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtoboSettingsTest {

    private static final RetryTiming NO_WAIT = RetryTiming.of(Sleeper.NONE, InstantSource.system());

    /** The plugin's params with their defaults, overridden by {@code given}. */
    private static Params params(Map<String, Object> given) {
        return StandaloneSetup.params(PipeType.specs(OtoboZnunyPlugin.PARAMS), given);
    }

    @Test
    void operation_keys_may_be_written_as_in_otai_docs() {
        var settings = OtoboSettings.from(params(Map.of("base_url", "http://h/otobo/nph-genericinterface.pl/", "password", "p",
                "operation_urls", Map.of("ticket-search", "Ticket/Search", "get", "Ticket/Get", "TicketUpdate", "upd"))), NO_WAIT);

        assertThat(settings.routes()).containsEntry("TicketSearch", "Ticket/Search").containsEntry("TicketGet", "Ticket/Get")
                .containsEntry("TicketUpdate", "upd").containsEntry("TicketCreate", "ticket-create");
        assertThat(settings.operationUri("TicketSearch"))
                .hasToString("http://h/otobo/nph-genericinterface.pl/Webservice/OpenTicketAI/Ticket/Search");
    }

    @Test
    void an_unknown_operation_key_names_the_valid_ones() {
        assertThatThrownBy(() -> OtoboSettings.from(params(Map.of("base_url", "http://h", "password", "p",
                "operation_urls", Map.of("TicketDelete", "x"))), NO_WAIT))
                .hasMessageContaining("operation_urls has key \"TicketDelete\"").hasMessageContaining("TicketSearch");
    }

    @Test
    void base_url_must_be_http_and_the_password_never_shows_in_to_string() {
        assertThatThrownBy(() -> OtoboSettings.from(params(Map.of("base_url", "otobo.local", "password", "p")), NO_WAIT))
                .hasMessageContaining("base_url was \"otobo.local\"");
        var settings = OtoboSettings.from(params(Map.of("base_url", "https://h/x", "password", "Very-Secret")), NO_WAIT);
        assertThat(settings.toString()).doesNotContain("Very-Secret");
    }
}
