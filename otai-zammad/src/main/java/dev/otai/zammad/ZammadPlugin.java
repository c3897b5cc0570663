package dev.otai.zammad;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code zammad} plugin: {@code zammad:ZammadTicketsystemService} (OTAI's spelling) and
 * {@code zammad:ZammadTicketSystemService}, the same service.
 */
public final class ZammadPlugin implements Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(ZammadPlugin.class);

    static final String BASE_URL_EXPECTED = EndpointUrl.expected("https://zammad.example.com", "access_token");

    static final Param<String> BASE_URL = Param.string("base_url").mandatory()
            .constrained(EndpointUrl::acceptable, BASE_URL_EXPECTED).describedAs("the Zammad URL, e.g. https://zammad.example.com");
    static final Param<String> ACCESS_TOKEN = Param.string("access_token").mandatory().secretValue()
            .describedAs("a personal access token (ticket.agent)");
    static final Param<Duration> TIMEOUT = Param.duration("timeout").defaultsTo(Duration.ofSeconds(30))
            .describedAs("time allowed for one request");
    static final Param<Object> VERIFY = Param.either("verify", Param.bool("verify"), Param.string("verify"))
            .defaultsTo(Boolean.TRUE)
            .describedAs("TLS: true (system trust), false (no certificate check) or the path of a PEM CA bundle");
    static final Param<String> AUTH_SCHEME = Param.string("auth_scheme").defaultsTo("token").oneOf("token", "bearer")
            .describedAs("token (Authorization: Token token=…) or bearer (Authorization: Bearer …)");
    static final Param<Duration> CONNECT_TIMEOUT = Param.duration("connect_timeout").defaultsTo(Duration.ofSeconds(5))
            .describedAs("TCP connect timeout");
    static final Param<Boolean> READ_ARTICLES = Param.bool("read_articles").defaultsTo(true)
            .describedAs("read each found ticket's articles (one request per ticket) for body and notes");

    static final List<Param<?>> PARAMS = List.of(BASE_URL, ACCESS_TOKEN, TIMEOUT, VERIFY, AUTH_SCHEME, CONNECT_TIMEOUT,
            MAX_ATTEMPTS, INITIAL_BACKOFF, MAX_BACKOFF, READ_ARTICLES);

    @Override
    public String name() {
        return "zammad";
    }

    @Override
    public List<WebhookReader> webhookReaders() {
        return List.of(new ZammadWebhookReader());
    }

    @Override
    public List<ServiceType> services() {
        ServiceType.ServiceFactory factory = setup -> {
            ZammadSettings settings = ZammadSettings.from(setup.params(), RetryTiming.of(setup));
            if (!settings.checksCertificates()) {
                LOG.warn("service '{}' (zammad): verify is false, so the TLS certificate of {} is not checked and anyone "
                        + "on the network path can read the access token; give verify the path of a PEM CA bundle instead",
                        setup.id(), settings.baseUrl());
            }
            return new ZammadTicketSystem(settings);
        };
        String description = "Zammad through its REST API with a personal access token.";
        return List.of(ServiceType.of("ZammadTicketsystemService", description, TicketSystem.class, PARAMS, factory),
                ServiceType.of("ZammadTicketSystemService", description + " Same as ZammadTicketsystemService.",
                        TicketSystem.class, PARAMS, factory));
    }
}
