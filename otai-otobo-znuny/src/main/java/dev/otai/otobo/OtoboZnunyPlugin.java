package dev.otai.otobo;

import static dev.otai.support.retry.RetryParams.INITIAL_BACKOFF;
import static dev.otai.support.retry.RetryParams.MAX_ATTEMPTS;
import static dev.otai.support.retry.RetryParams.MAX_BACKOFF;

import dev.otai.api.Param;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.support.endpoint.EndpointUrl;
import dev.otai.support.retry.RetryTiming;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code otobo-znuny} plugin: {@code otobo-znuny:OTOBOZnunyTicketSystemService}, OTAI's name and params. */
public final class OtoboZnunyPlugin implements Plugin {

    static final String BASE_URL_EXPECTED = EndpointUrl.expected("https://host/otobo/nph-genericinterface.pl",
            "username and password");

    static final Param<String> BASE_URL = Param.string("base_url").mandatory()
            .constrained(EndpointUrl::acceptable, BASE_URL_EXPECTED)
            .describedAs("the GenericInterface URL, e.g. http://host/otobo/nph-genericinterface.pl");
    static final Param<String> USERNAME = Param.string("username").defaultsTo("open_ticket_ai")
            .describedAs("the agent's login (UserLogin)");
    static final Param<String> PASSWORD = Param.string("password").mandatory().secretValue().describedAs("the agent's password");
    static final Param<String> WEBSERVICE_NAME = Param.string("webservice_name").defaultsTo("OpenTicketAI")
            .describedAs("the name of the imported web service");
    static final Param<Map<String, Object>> OPERATION_URLS = Param.map("operation_urls").withValues(Param.string("route"))
            .describedAs("route per operation (TicketSearch, TicketGet, TicketUpdate, TicketCreate, SessionCreate); "
                    + "defaults ticket-search, ticket-get, ticket-update, ticket-create, session");
    static final Param<Map<String, Object>> OPERATION_METHODS = Param.map("operation_methods").withValues(Param.string("method"))
            .describedAs("HTTP method per operation; defaults POST, and PUT for TicketUpdate");
    static final Param<String> AUTH = Param.string("auth").defaultsTo("credentials")
            .describedAs("credentials (UserLogin+Password in every request) or session (one SessionCreate, then SessionID)");
    static final Param<Duration> CONNECT_TIMEOUT = Param.duration("connect_timeout").defaultsTo(Duration.ofSeconds(5))
            .describedAs("TCP connect timeout");
    static final Param<Duration> TIMEOUT = Param.duration("timeout").aliasedAs("request_timeout").defaultsTo(Duration.ofSeconds(30))
            .describedAs("time allowed for one request");
    static final Param<Long> ARTICLE_LIMIT = Param.integer("article_limit").defaultsTo(0L).constrained(v -> v >= 0, "0 (all) or more")
            .describedAs("articles read per ticket, oldest first; 0 reads all");
    static final Param<String> DEFAULT_CUSTOMER_USER = Param.string("default_customer_user")
            .describedAs("CustomerUser for created tickets that name no customer");

    static final List<Param<?>> PARAMS = List.of(BASE_URL, USERNAME, PASSWORD, WEBSERVICE_NAME, OPERATION_URLS,
            OPERATION_METHODS, AUTH, CONNECT_TIMEOUT, TIMEOUT, MAX_ATTEMPTS, INITIAL_BACKOFF, MAX_BACKOFF, ARTICLE_LIMIT,
            DEFAULT_CUSTOMER_USER);

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
