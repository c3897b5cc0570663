package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events in clustered mode, through real engines sharing one real PostgreSQL database and real HTTP on loopback:
 * an event accepted by any node runs once, on the node that owns its runner, across owner changes, stops and a
 * node's death. Ownership is handed out by the test, as the lease keeper would.
 */
class ClusteredEventsTest {

    private static final String CONFIG = """
            otai:
              orchestrator:
                shutdown_grace: %s
                runners:
                  - id: route
                    on: [{ id: hook, use: base:ManualTrigger, params: { token: %s } }]
                    run:
                      id: work
                      use: base:CompositePipe
                      params:
                        steps:
                          - { id: gate, use: "testkit:AwaitFile", params: { path: "{{ event.body.gate }}" } }
                          - { id: value, use: base:ExpressionPipe, params: { expression: "{{ event.body.n }}" } }
            """;

    @TempDir
    Path dir;

    private PostgresServer.Database database;
    private final List<EventInboxNode> nodes = new ArrayList<>();
    private Path open;

    @BeforeEach
    void database() throws IOException {
        database = PostgresServer.shared().freshDatabase();
        open = Files.createFile(dir.resolve("open"));
    }

    @AfterEach
    void stop() throws Exception {
        for (EventInboxNode node : nodes.reversed()) {
            node.close();
        }
    }

    private EventInboxNode node(String name, String grace) throws IOException {
        var node = new EventInboxNode(name, CONFIG.formatted(grace, EventInboxNode.TOKEN), database);
        nodes.add(node);
        return node;
    }

    private String event(int n, Path gate) {
        return "{\"n\": " + n + ", \"gate\": \"" + gate + "\"}";
    }

    /**
     * {@code owner} takes the runner, three events reach it through {@code receiver}, and the first one's run waits
     * at the gate returned while the other two are claimed behind it.
     */
    private Path firstOfThreeHeld(EventInboxNode owner, EventInboxNode receiver) throws Exception {
        owner.ownership.take("route", 1);
        Path gate = dir.resolve("gate-1");
        accepted(receiver.post(event(1, gate)));
        accepted(receiver.post(event(2, open)));
        accepted(receiver.post(event(3, open)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> states().equals(List.of("started", "claimed", "claimed")));
        return gate;
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** Every event number that ran to success on any node, sorted. */
    private List<Object> ranAnywhere() {
        return nodes.stream().flatMap(node -> node.succeeded().stream()).sorted().toList();
    }

    private List<String> states() {
        try (var c = database.dataSource().getConnection(); var s = c.createStatement();
             var rows = s.executeQuery("SELECT state FROM trigger_events ORDER BY id")) {
            var states = new ArrayList<String>();
            while (rows.next()) {
                states.add(rows.getString(1));
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_event_posted_to_any_node_runs_once_on_the_node_that_owns_its_runner() throws Exception {
        EventInboxNode a = node("a", "PT30S");
        EventInboxNode b = node("b", "PT30S");
        b.ownership.take("route", 1);

        for (int n = 1; n <= 6; n++) {
            accepted((n % 2 == 0 ? b : a).post(event(n, open)));
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> b.succeeded().size() == 6);
        assertThat(b.succeeded()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(a.succeeded()).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> states().stream().allMatch("done"::equals));
        assertThat(states()).hasSize(6);
    }

    @Test
    void events_received_while_the_owner_stops_run_once_after_another_node_takes_the_runner() throws Exception {
        EventInboxNode a = node("a", "PT30S");
        EventInboxNode b = node("b", "PT30S");
        Path gate = firstOfThreeHeld(a, b);

        a.requestStop();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> states().equals(List.of("started", "pending", "pending")));
        assertThat(a.post(event(9, open)).statusCode()).as("a stopping node refuses, the sender retries elsewhere").isEqualTo(503);
        accepted(b.post(event(4, open)));
        accepted(b.post(event(5, open)));
        Files.createFile(gate);
        assertThat(a.awaitStopped(Duration.ofSeconds(30))).isTrue();
        a.ownership.drop("route");
        b.ownership.take("route", 2);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ranAnywhere().size() == 5);
        assertThat(a.succeeded()).containsExactly(1);
        assertThat(b.succeeded()).containsExactly(2, 3, 4, 5);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> states().stream().allMatch("done"::equals));
    }

    @Test
    void a_node_that_dies_right_after_answering_202_loses_none_of_its_events() throws Exception {
        EventInboxNode a = node("a", "PT1S");
        EventInboxNode b = node("b", "PT1S");
        Path gate = firstOfThreeHeld(a, a);

        a.die();
        Runnable resume = b.engine.onGain("route"); // as the lease keeper does when b gains the runner
        b.ownership.take("route", 2);
        Thread.ofVirtual().start(resume);
        Files.createFile(gate);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ranAnywhere().size() == 3);
        assertThat(b.succeeded()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(a.succeeded()).isEmpty();
        assertThat(states()).as("the run in flight was the run journal's to resume; the others ran anew")
                .containsExactly("resumed", "done", "done");
    }

    @Test
    void otai_trigger_against_either_node_runs_the_event_once_on_the_owner() throws Exception {
        EventInboxNode a = node("a", "PT30S");
        EventInboxNode b = node("b", "PT30S");
        a.ownership.take("route", 1);

        for (EventInboxNode target : List.of(a, b)) {
            var out = new StringWriter();
            var cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            int n = target == a ? 1 : 2;
            assertThat(cli.execute("trigger", "hook", "--url", target.url(), "--token", EventInboxNode.TOKEN,
                    "--data", event(n, open))).as(out.toString()).isZero();
            assertThat(out.toString()).contains("triggered 'hook': 202");
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> a.succeeded().size() == 2);
        assertThat(a.succeeded()).containsExactlyInAnyOrder(1, 2);
        assertThat(b.succeeded()).isEmpty();
    }

    @Test
    void a_node_that_cannot_reach_the_database_answers_503_and_the_retried_event_runs_once() throws Exception {
        EventInboxNode a = node("a", "PT30S");
        EventInboxNode b = node("b", "PT30S");
        b.ownership.take("route", 1);

        a.link.cut();
        HttpResponse<String> refused = a.post(event(1, open));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("the database cannot store the event now");
        assertThat(states()).isEmpty();

        a.link.restore();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> a.post(event(1, open)).statusCode() == 202); // the sender retries after a 503
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> b.succeeded().size() == 1);
        assertThat(b.succeeded()).containsExactly(1);
        assertThat(states()).containsExactly("done");
    }
}
