package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.otai.app.redaction.ProcessRedaction;
import dev.otai.app.redaction.RedactingAppender;
import dev.otai.core.redaction.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** An in-process command changes logging, redaction and signal handlers only for the test that runs it. */
class RestoresProcessWideStateTest {

    /** Run by the test below, not by the build: {@code otai run --once} with its own log file and level. */
    static class RunsAnEngineInThisJvm {

        @TempDir
        Path dir;

        @Test
        void runs_once_with_a_debug_log_file() throws Exception {
            Path config = Files.writeString(dir.resolve("config.yml"), """
                    otai:
                      infrastructure:
                        logging: { level: DEBUG, file: "DIR/otai.log" }
                      orchestrator:
                        runners:
                          - id: touch
                            run: { id: touch, use: "testkit:Touch", params: { path: "DIR/touched" } }
                    """.replace("DIR", dir.toString()));
            var cli = Main.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(new StringWriter()));

            int code = cli.execute("run", "--once", "--config", config.toString(), "--data-dir", dir.resolve("data").toString());

            assertThat(code).isZero();
            assertThat(dir.resolve("touched")).exists();
            assertThat(((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).getLevel()).isEqualTo(Level.DEBUG);
        }
    }

    @Test
    void a_command_run_in_a_test_leaves_logging_redaction_and_signal_handlers_as_it_found_them() {
        Redactor redactor = ProcessRedaction.current();
        SignalHandler mine = signal -> { };
        var term = new Signal("TERM");
        var interrupt = new Signal("INT");
        SignalHandler jvmTerm = Signal.handle(term, mine);
        SignalHandler jvmInterrupt = Signal.handle(interrupt, mine);

        var summary = new SummaryGeneratingListener();
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(RunsAnEngineInThisJvm.class)).build(), summary);
        } finally {
            assertThat(Signal.handle(term, jvmTerm)).as("SIGTERM's handler").isSameAs(mine);
            assertThat(Signal.handle(interrupt, jvmInterrupt)).as("SIGINT's handler").isSameAs(mine);
        }

        assertThat(summary.getSummary().getFailures()).isEmpty();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
        assertThat(ProcessRedaction.current()).isSameAs(redactor);
        var root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).as("logback-test.xml's level").isEqualTo(Level.WARN);
        assertThat(root.getAppender("REDACT")).isInstanceOfSatisfying(RedactingAppender.class,
                redacting -> assertThat(redacting.getAppender("STDERR")).as("logback-test.xml's console").isNotNull());
    }
}
