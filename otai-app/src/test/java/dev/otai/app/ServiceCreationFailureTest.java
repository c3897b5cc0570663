package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.process.ReapChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config that validates but whose service cannot be created when {@code otai run} starts it (a file its params
 * name is missing) ends the real process with exit 1 and one line naming the service, the param, the value and
 * what was expected, as validation errors do; no stack trace.
 */
@ExtendWith(ReapChildProcesses.class)
class ServiceCreationFailureTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_seed_file_of_the_local_ticket_system_is_one_line_naming_service_param_value_and_expectation()
            throws Exception {
        Path config = config("""
                    desk:
                      use: "local:LocalTicketSystem"
                      params: { seed: "no-such-tickets.jsonl" }
                """);

        var ended = OtaiChild.runOnce(config, null, dir.resolve("run.log"));

        assertThat(ended.code()).as(ended.log()).isEqualTo(1);
        assertThat(ended.log()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(ended.log().lines().filter(line -> line.contains("could not be created"))).singleElement().asString()
                .isEqualTo("otai: service 'desk' (local:LocalTicketSystem) "
                        + "could not be created: param 'seed' was \"no-such-tickets.jsonl\"; expected a .jsonl or .csv ticket "
                        + "file (looked at " + Path.of("no-such-tickets.jsonl").toAbsolutePath() + ")");
    }

    @Test
    void a_missing_model_directory_of_a_trained_classifier_takes_the_same_path() throws Exception {
        Path config = config("""
                    desk:
                      use: "local:LocalTicketSystem"
                    queue_model:
                      use: "ml:TrainedClassifierService"
                      params: { model_dir: "no-such-model" }
                """);

        var ended = OtaiChild.runOnce(config, null, dir.resolve("run.log"));

        assertThat(ended.code()).as(ended.log()).isEqualTo(1);
        assertThat(ended.log()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(ended.log().lines().filter(line -> line.contains("could not be created"))).singleElement().asString()
                .startsWith("otai: service 'queue_model' "
                        + "(ml:TrainedClassifierService) could not be created: ")
                .contains("param 'model_dir' was \"no-such-model\"; expected an existing directory written by 'otai model train'");
    }

    private Path config(String services) throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                open_ticket_ai:
                  infrastructure:
                    storage: { data_dir: "DATA_DIR" }
                  services:
                SERVICES\
                  orchestrator:
                    runners:
                      - id: fetcher
                        run:
                          id: fetch
                          use: "base:FetchTicketsPipe"
                          injects: { ticket_system: desk }
                          params: { ticket_search_criteria: { queue: { name: "Incoming" } } }
                """.replace("DATA_DIR", dir.resolve("otai-data").toString().replace("\\", "/"))
                .replace("SERVICES", services));
        return config;
    }
}
