package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {

    @TempDir
    Path dir;

    private String dataDir() {
        return dir.resolve("data").toString();
    }

    private Path tickets() throws Exception {
        Path file = dir.resolve("tickets.jsonl");
        Files.writeString(file, """
                {"id": "T-1", "subject": "VPN down", "body": "cannot connect", "queue": "IT", "priority": "high"}
                {"id": "T-2", "subject": "Invoice wrong", "body": "twice charged", "queue": "Billing", "priority": "low"}
                """);
        return file;
    }

    @Test
    void imported_tickets_can_be_listed_filtered_shown_and_exported() throws Exception {
        Cli.Outcome imported = Cli.run("tickets", "import", tickets().toString(), "--data-dir", dataDir());
        Cli.Outcome listed = Cli.run("tickets", "list", "--queue", "IT", "--data-dir", dataDir());
        Cli.Outcome shown = Cli.run("tickets", "show", "T-2", "--data-dir", dataDir());
        Cli.Outcome exported = Cli.run("tickets", "export", "--data-dir", dataDir());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Importing: 2/2").contains("Imported 2 tickets");
        assertThat(listed.out()).contains("VPN down").doesNotContain("Invoice wrong").contains("1 tickets");
        assertThat(shown.out()).contains("Ticket T-2: Invoice wrong").contains("queue Billing, priority low");
        assertThat(exported.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"T-"));
    }

    @Test
    void a_missing_ticket_or_run_is_an_error_naming_it() {
        Cli.Outcome ticket = Cli.run("tickets", "show", "nope", "--data-dir", dataDir());
        Cli.Outcome run = Cli.run("runs", "show", "abcd1234", "--data-dir", dataDir());

        assertThat(ticket.code()).isEqualTo(1);
        assertThat(ticket.err()).contains("no ticket 'nope'");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no run 'abcd1234'");
    }

    @Test
    void dry_run_prints_the_writes_and_a_real_run_then_makes_them_once() throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                open_ticket_ai:
                  infrastructure:
                    storage: { data_dir: "%s" }
                  services:
                    desk:
                      use: "local:LocalTicketSystem"
                      params: { seed: "%s", seed_queue: "Incoming" }
                  orchestrator:
                    runners:
                      - id: route
                        run:
                          id: routing
                          use: "base:CompositePipe"
                          params:
                            steps:
                              - id: fetch
                                use: "base:FetchTicketsPipe"
                                injects: { ticket_system: desk }
                                params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 1 } }
                              - id: move
                                use: "base:UpdateTicketPipe"
                                injects: { ticket_system: desk }
                                params:
                                  ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                                  updated_ticket: { queue: { name: "{{ get_pipe_result('fetch','fetched_tickets')[0]['fields']['label_queue'] }}" } }
                """.formatted(dataDir().replace("\\", "/"), tickets().toString().replace("\\", "/")));

        Cli.Outcome dry = Cli.run("run", "--once", "--dry-run", "--config", config.toString());
        Cli.Outcome after = Cli.run("tickets", "list", "--queue", "Incoming", "--config", config.toString());
        Cli.Outcome real = Cli.run("run", "--once", "--config", config.toString());
        Cli.Outcome runs = Cli.run("runs", "--runner", "route", "--config", config.toString());

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: 1 write planned, nothing was sent").contains("ticket T-1: update {\"queue\":\"IT\"}");
        assertThat(after.out()).contains("2 tickets");
        assertThat(real.code()).as(real.err()).isZero();
        assertThat(Cli.run("tickets", "show", "T-1", "--config", config.toString()).out()).contains("queue IT");
        assertThat(runs.out()).contains("succeeded*").contains("2 runs (* dry run)");
        String runId = runs.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        assertThat(Cli.run("runs", "show", runId, "--config", config.toString()).out())
                .contains("Run " + runId + " of runner 'route'").contains("fetch").contains("move")
                .contains("on node " + StorageSettings.Server.defaultNode())
                .contains("applied ticket T-1: update {\"queue\":\"IT\"}");
    }

    @Test
    void a_bad_since_value_is_rejected_with_the_expected_forms() {
        Cli.Outcome outcome = Cli.run("runs", "--since", "yesterday", "--data-dir", dataDir());

        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("--since was \"yesterday\"").contains("30m, 2h, 7d");
    }
}
