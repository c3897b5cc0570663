package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands with {@code infrastructure.storage.url}: everything they record and read is in PostgreSQL. */
class ClusteredCommandsTest {

    private static final String PASSWORD = "pg-Secret-7781";

    @TempDir
    Path dir;

    private Path config(PostgresServer.Database database, String node) throws Exception {
        Path tickets = dir.resolve("tickets.jsonl");
        Files.writeString(tickets, """
                {"id": "T-1", "subject": "VPN down", "body": "cannot connect", "queue": "Incoming"}
                {"id": "T-2", "subject": "Printer", "body": "jams", "queue": "Incoming"}
                """);
        Path config = dir.resolve(node + ".yml");
        Files.writeString(config, """
                open_ticket_ai:
                  infrastructure:
                    storage:
                      data_dir: "%s"
                      url: "%s"
                      user: "%s"
                      password: "%s"
                      node: %s
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
                                  updated_ticket: { queue: { name: "IT" } }
                """.formatted(dir.resolve("data").toString().replace("\\", "/"), database.url(), database.user(), PASSWORD, node,
                tickets.toString().replace("\\", "/")));
        return config;
    }

    @Test
    void runs_tickets_and_history_live_in_the_database_with_the_node_each_run_ran_on() throws Exception {
        var database = PostgresServer.shared().freshDatabase();
        Path nodeA = config(database, "node-a");
        Path nodeB = config(database, "node-b");

        Cli.Outcome ranOnA = Cli.run("run", "--once", "--config", nodeA.toString());
        Cli.Outcome ranOnB = Cli.run("run", "--once", "--config", nodeB.toString());
        Cli.Outcome runs = Cli.run("runs", "--runner", "route", "--config", nodeB.toString());
        Cli.Outcome ticket = Cli.run("tickets", "list", "--queue", "IT", "--config", nodeA.toString());

        assertThat(ranOnA.code()).as(ranOnA.err()).isZero();
        assertThat(ranOnB.code()).as(ranOnB.err()).isZero();
        assertThat(runs.out().lines().findFirst().orElseThrow()).contains("NODE");
        assertThat(runs.out()).contains("2 runs");
        assertThat(runs.out().lines().skip(1).limit(2).map(line -> line.contains(" node-a ") ? "a" : line.contains(" node-b ") ? "b" : line))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(ticket.out()).contains("VPN down").contains("Printer").contains("2 tickets");
        String runOfA = runs.out().lines().filter(line -> line.contains(" node-a ")).findFirst().orElseThrow().split(" ")[0];
        assertThat(Cli.run("runs", "show", runOfA, "--config", nodeB.toString()).out())
                .contains("on node node-a").contains("applied ticket T-1: update {\"queue\":\"IT\"}");
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(Stream.of(ranOnA, ranOnB, runs, ticket).flatMap(o -> Stream.of(o.out(), o.err())))
                .noneMatch(text -> text.contains(PASSWORD));
    }
}
