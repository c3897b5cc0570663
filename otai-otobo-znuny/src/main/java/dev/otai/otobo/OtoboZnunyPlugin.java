package dev.otai.otobo;

import dev.otai.api.ParamSpec;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.support.endpoint.EndpointUrl;
import dev.otai.support.retry.RetryTiming;
import java.time.Duration;
import java.util.List;

/** The {@code otobo-znuny} plugin: {@code otobo-znuny:OTOBOZnunyTicketSystemService}, OTAI's name and params. */
public final class OtoboZnunyPlugin implements Plugin {

    static final String BASE_URL_EXPECTED = EndpointUrl.expected("https://host/otobo/nph-genericinterface.pl",
            "username and password");

    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.string("base_url").mandatory().constrained(EndpointUrl::acceptable, BASE_URL_EXPECTED)
                    .describedAs("the GenericInterface URL, e.g. http://host/otobo/nph-genericinterface.pl"),
            ParamSpec.string("username").defaultsTo("open_ticket_ai").describedAs("the agent's login (UserLogin)"),
            ParamSpec.string("password").mandatory().secretValue().describedAs("the agent's password"),
            ParamSpec.string("webservice_name").defaultsTo("OpenTicketAI").describedAs("the name of the imported web service"),
            ParamSpec.map("operation_urls")
                    .describedAs("route per operation (TicketSearch, TicketGet, TicketUpdate, TicketCreate, SessionCreate); "
                            + "defaults ticket-search, ticket-get, ticket-update, ticket-create, session"),
            ParamSpec.map("operation_methods")
                    .describedAs("HTTP method per operation; defaults POST, and PUT for TicketUpdate"),
            ParamSpec.string("auth").defaultsTo("credentials")
                    .describedAs("credentials (UserLogin+Password in every request) or session (one SessionCreate, then SessionID)"),
            ParamSpec.duration("connect_timeout").defaultsTo(Duration.ofSeconds(5)).describedAs("TCP connect timeout"),
            ParamSpec.duration("timeout").aliasedAs("request_timeout").defaultsTo(Duration.ofSeconds(30))
                    .describedAs("time allowed for one request"),
            ParamSpec.integer("max_attempts").defaultsTo(4L).constrained(v -> (Long) v >= 1, "an integer of at least 1")
                    .describedAs("attempts per call, the first included, on connection errors, 429 and 5xx"),
            ParamSpec.duration("initial_backoff").defaultsTo(Duration.ofMillis(200))
                    .describedAs("backoff ceiling before the second attempt; doubles per attempt, with jitter"),
            ParamSpec.duration("max_backoff").defaultsTo(Duration.ofSeconds(10)).describedAs("longest wait between attempts"),
            ParamSpec.integer("article_limit").defaultsTo(0L).constrained(v -> (Long) v >= 0, "0 (all) or more")
                    .describedAs("articles read per ticket, oldest first; 0 reads all"),
            ParamSpec.string("default_customer_user").describedAs("CustomerUser for created tickets that name no customer"));

    @Override
    public String name() {
        return "otobo-znuny";
    }

    @Override
    public List<WebhookReader> webhookReaders() {
        return List.of(new OtoboWebhookReader());
    }

    @Override
    public List<ServiceType> services() {
        return List.of(ServiceType.of("OTOBOZnunyTicketSystemService",
                "OTOBO, Znuny or OTRS through the GenericInterface REST web service (OTAI's OpenTicketAI.yml).",
                TicketSystem.class, PARAMS, setup -> new OtoboZnunyTicketSystem(
                        OtoboSettings.from(setup.params(), RetryTiming.of(setup)))));
    }
}
