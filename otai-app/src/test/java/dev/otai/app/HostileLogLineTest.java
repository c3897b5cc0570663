package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.app.redaction.ProcessRedaction;
import dev.otai.app.redaction.RedactingAppender;
import dev.otai.core.config.LoggingSettings;
import dev.otai.core.redaction.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log lines that carry a secret in their arguments, key-value pairs or exception chain, in text and JSON. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileLogLineTest {

    private static final String SECRET = "p@ss w/\"rd+1";

    @TempDir
    Path dir;

    private static void logHostileLines() {
        var log = LoggerFactory.getLogger("dev.otai.hostile");
        var cause = new IllegalStateException("helpdesk said: {\"Password\":\"p@ss w/\\\"rd+1\"}");
        log.atError().setMessage("request to {} failed").addArgument("http://agent:pw@desk.example.com/x?Password=p%40ss+w%2F%22rd%2B1")
                .addKeyValue("password", SECRET).setCause(new RuntimeException("wrapped " + SECRET, cause)).log();
    }

    @Test
    void json_and_text_log_files_set_up_from_the_config_hold_no_secret_but_the_rest_of_the_line() throws Exception {
        var redactor = new Redactor();
        redactor.register(SECRET);
        ProcessRedaction.install(redactor);
        for (boolean json : new boolean[] {false, true}) {
            Path file = dir.resolve(json ? "otai.json.log" : "otai.log");
            LoggingSetup.apply(new LoggingSettings("INFO", file.toString(), LoggingSettings.DEFAULT_MESSAGE_FORMAT,
                    LoggingSettings.defaults().dateFormat(), json));
            logHostileLines();
            LoggingSetup.apply(LoggingSettings.defaults()); // closes the file
            String written = Files.readString(file).replace("\\/", "/");

            assertThat(written).as(written).contains("request to http://***@desk.example.com/x?Password=*** failed")
                    .contains("wrapped ***").contains("helpdesk said").contains("IllegalStateException")
                    .doesNotContain("rd+1").doesNotContain("rd%2B1").doesNotContain("agent:pw").doesNotContain("ss w");
        }
    }

    @Test
    void the_bundled_logback_xml_sends_every_line_through_the_redaction() throws Exception {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        Appender<?> root = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("REDACT");
        assertThat(root).isInstanceOf(RedactingAppender.class);
        var redacting = (RedactingAppender) root;
        assertThat(redacting.getAppender("STDERR")).isNotNull();

        var seen = new ListAppender<ILoggingEvent>();
        seen.setContext(context);
        seen.start();
        redacting.addAppender(seen);
        var redactor = new Redactor();
        redactor.register("Qz");
        ProcessRedaction.install(redactor);
        context.getLogger("dev.otai.hostile").warn("password {} rejected; Qzx stays", "Qz");
        context.stop();

        assertThat(seen.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("password *** rejected; Qzx stays");
            assertThat(event.getArgumentArray()).isNull();
        });
    }

    @Test
    void ticket_text_in_a_log_line_cannot_drive_the_terminal() throws Exception {
        Path file = dir.resolve("otai.log");
        LoggingSetup.apply(new LoggingSettings("INFO", file.toString(), LoggingSettings.DEFAULT_MESSAGE_FORMAT,
                LoggingSettings.defaults().dateFormat(), false));
        LoggerFactory.getLogger("dev.otai.hostile").warn("ticket subject was {}", "\u001b]0;pwned\u0007 \u202Egnp.exe\u009b2J");
        LoggingSetup.apply(LoggingSettings.defaults());
        String written = Files.readString(file);

        assertThat(written).contains("ticket subject was \\u001b]0;pwned\\u0007 \\u202egnp.exe\\u009b2J")
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202E").doesNotContain("\u009b");
    }
}
