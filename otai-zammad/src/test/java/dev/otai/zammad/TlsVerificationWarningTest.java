package dev.otai.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.testkit.StandaloneSetup;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Turning TLS certificate checks off is never silent. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsVerificationWarningTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ZammadPlugin.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }

    private void start(Object verify) throws Exception {
        var type = new ZammadPlugin().services().getFirst();
        var params = Map.of("base_url", "https://zammad.example.com", "access_token", "tok-very-secret-1", "verify", verify);
        try (var service = (ZammadTicketSystem) StandaloneSetup.create(type, "zammad_prod", params)) {
            assertThat(service).isNotNull();
        }
    }

    @Test
    void verify_false_warns_at_start_naming_the_service_and_the_host_but_not_the_token() throws Exception {
        start(false);

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("service 'zammad_prod' (zammad): verify is false, so the "
                    + "TLS certificate of https://zammad.example.com is not checked").doesNotContain("tok-very-secret-1");
        });
    }

    @Test
    void verify_given_as_the_text_false_warns_too() throws Exception {
        start("false");

        assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
    }

    @Test
    void verify_true_starts_without_a_warning() throws Exception {
        start(true);

        assertThat(appender.list).isEmpty();
    }
}
