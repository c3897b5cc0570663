package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.PostgresServer;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile event bodies against a node of a cluster: what the HTTP server and the trigger refuse (too large, nested
 * too deep) is refused before anything is stored; what they accept is stored, read back and run once by the owner,
 * however deep it nests within the limits.
 */
class HostileClusteredEventTest {

    private static final String CONFIG = """
            otai:
              orchestrator:
                runners:
                  - id: route
                    on: [{ id: hook, use: base:ManualTrigger, params: { token: %s } }]
                    run: { id: value, use: base:ExpressionPipe, params: { expression: "{{ event.body.n }}" } }
            """.formatted(EventInboxNode.TOKEN);

    private PostgresServer.Database database;
    private EventInboxNode receiver;
    private EventInboxNode owner;

    @BeforeEach
    void start() throws IOException {
        database = PostgresServer.shared().freshDatabase();
        receiver = new EventInboxNode("receiver", CONFIG, database);
        owner = new EventInboxNode("owner", CONFIG, database);
        owner.ownership.take("route", 1);
    }

    @AfterEach
    void stop() throws Exception {
        owner.close();
        receiver.close();
    }

    private static String nested(int depth) {
        return "{\"n\": 7, \"deep\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private int storedEvents() throws SQLException {
        return states().size();
    }

    private List<String> states() throws SQLException {
        try (var c = database.dataSource().getConnection(); var s = c.createStatement();
             var rows = s.executeQuery("SELECT state FROM trigger_events ORDER BY id")) {
            var states = new ArrayList<String>();
            while (rows.next()) {
                states.add(rows.getString(1));
            }
            return states;
        }
    }

    @Test
    void a_body_larger_than_the_limit_is_refused_with_413_and_nothing_is_stored() throws Exception {
        var response = receiver.post("{\"n\": 1, \"pad\": \"" + "x".repeat(70 * 1024) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(storedEvents()).isZero();
    }

    @Test
    void a_body_nested_deeper_than_the_triggers_take_is_refused_with_400_and_nothing_is_stored() throws Exception {
        for (int depth : new int[] {999, 5_000}) { // 999 arrays in the body's object: 1000 levels, one too many
            var response = receiver.post(nested(depth));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("body is not JSON, or nests deeper than 999 levels");
        }
        assertThat(storedEvents()).isZero();
    }

    @Test
    void a_body_nested_as_deep_as_the_triggers_take_is_stored_read_back_and_run_once() throws Exception {
        var response = receiver.post(nested(998));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> owner.succeeded().size() == 1);
        assertThat(owner.succeeded()).containsExactly(7);
        assertThat(receiver.succeeded()).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> states().equals(List.of("done")));
    }
}
