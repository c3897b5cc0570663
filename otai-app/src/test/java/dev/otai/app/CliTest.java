package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.core.config.LoggingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int otai(String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private String config(String yaml) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    private static final String VALID = """
            otai:
              services:
                tickets:
                  use: testkit:InMemoryTicketSystem
                  params:
                    tickets: [{ id: "1", title: "Printer", body: "jammed", queue: Incoming }]
              orchestrator:
                runners:
                  - id: count
                    on: [{ id: hourly, use: base:IntervalTrigger, params: { hours: 1 } }]
                    run:
                      id: fetch
                      use: base:FetchTicketsPipe
                      injects: { ticket_system: tickets }
                      params: { ticket_search_criteria: { queue: { name: Incoming } } }
                  - id: broken
                    run: { id: guard, use: base:ExpressionPipe, params: { expression: "{{ fail() }}" } }
            """;

    @Test
    void validate_prints_a_summary_and_exits_zero_for_a_valid_config() throws IOException {
        assertThat(otai("validate", "--config", config(VALID))).isZero();
        assertThat(out.toString()).contains("is valid: 1 services, 2 runners, 1 triggers");
    }

    @Test
    void validate_prints_every_problem_with_its_place_and_exits_one() throws IOException {
        String file = config(VALID.replace("base:IntervalTrigger", "base:IntervallTrigger").replace("hours: 1", "hours: 1, every: 2"));
        assertThat(otai("validate", "--config", file)).isEqualTo(1);
        assertThat(out.toString()).contains(file + ":10:33: orchestrator.runners[0].on[0].use: pipe 'hourly': unknown pipe type "
                + "\"base:IntervallTrigger\"; did you mean base:IntervalTrigger?").contains("1 problem in " + file);
    }

    @Test
    void validate_reports_bad_storage_settings_with_their_place_like_any_other_section() throws IOException {
        String file = config(VALID.replace("otai:\n", """
                otai:
                  infrastructure:
                    storage: { retention: { max_runs: -1, max_ages: P7D } }
                """));
        assertThat(otai("validate", "--config", file)).isEqualTo(1);
        assertThat(out.toString())
                .contains(file + ":3:39: infrastructure.storage.retention.max_runs: 'max_runs' was the number -1; "
                        + "expected an integer of at least 1")
                .contains(file + ":3:43: infrastructure.storage.retention.max_ages: warning: unknown key 'max_ages' is ignored; "
                        + "did you mean 'max_age'?")
                .contains("1 problem in " + file);
    }

    @Test
    void validate_warns_of_an_unknown_infrastructure_section_with_its_place_and_the_nearest_one() throws IOException {
        String file = config(VALID.replace("otai:\n", """
                otai:
                  infrastructure:
                    loging: { level: DEBUG }
                """));
        assertThat(otai("validate", "--config", file)).isZero();
        assertThat(out.toString())
                .contains(file + ":3:5: infrastructure.loging: warning: unknown key 'loging' is ignored; "
                        + "did you mean 'logging'? known keys: console, http, logging, storage, templates")
                .contains("is valid");
    }

    @Test
    void run_logs_each_warning_at_load() throws IOException {
        var appender = new ListAppender<ILoggingEvent>();
        var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(EngineSession.class);
        appender.start();
        logger.addAppender(appender);
        try {
            otai("run", "--once", "--config", config(VALID.replace("otai:\n", "otai:\n  infrastructure: { templats: {} }\n")));
        } finally {
            logger.detachAppender(appender);
            LoggingSetup.apply(LoggingSettings.defaults());
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(dir.resolve("config.yml") + ":2:21: infrastructure.templats: warning: unknown key 'templats' "
                        + "is ignored; did you mean 'templates'? known keys: console, http, logging, storage, templates");
        assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
    }

    @Test
    void run_once_prints_one_line_per_runner_and_fails_when_one_failed() throws IOException {
        assertThat(otai("run", "--once", "--config", config(VALID))).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString()).containsPattern("count\\s+succeeded\\s+\\S+\\s+1 tickets found")
                .containsPattern("broken\\s+failed\\s+\\S+\\s+param 'expression' called fail\\(\\)");
    }

    @Test
    void run_refuses_an_invalid_config_before_starting_anything() throws IOException {
        assertThat(otai("run", "--once", "--config", config(VALID.replace("tickets }", "nope }")))).isEqualTo(1);
        assertThat(err.toString()).contains("names service 'nope', which is not defined").contains("nothing was run");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void plugins_lists_types_with_their_params() {
        assertThat(otai("plugins")).isZero();
        assertThat(out.toString()).contains("pipe base:CompositePipe").contains("pipe base:IntervalTrigger (trigger)")
                .contains("interval: a positive duration").contains("inject ticket_system: a TicketSystem service")
                .contains("ticket_search_criteria: a mapping with keys queue, states, limit")
                .contains("        limit: an integer of at least 1 (optional)");
    }

    @Test
    void version_names_the_engine_its_commit_the_config_api_and_the_jdk() {
        assertThat(otai("--version")).isZero();
        assertThat(out.toString()).startsWith("otai ").containsPattern("\ncommit ([0-9a-f]{12}|unknown)\n")
                .contains("config API 1.6.0").contains("Java " + Runtime.version());
    }

    @Test
    void trigger_without_a_running_engine_says_so() {
        assertThat(otai("trigger", "rebuild", "--url", "http://127.0.0.1:9")).isEqualTo(1);
        assertThat(err.toString()).contains("no engine is listening on http://127.0.0.1:9");
    }
}
