package dev.otai.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.otobo.FakeOtobo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The smoke test of the harness: the engine-less side does the whole work, and the check sees a missing note. */
class RoundStatsTest {

    private FakeOtobo fake;

    @BeforeAll
    static void no_nagle() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void floor_side_gives_every_ticket_two_updates_and_two_notes() throws Exception {
        fake = FakeOtoboMain.newFake();
        List<String> ids = FakeOtoboMain.seed(fake, 6);

        try (var floor = new FloorSide(fake.baseUrl(), 3, 10)) {
            floor.start();
        }

        RoundStats stats = RoundStats.of(fake, ids);
        assertThat(stats.allCorrect()).as(stats.problems()).isTrue();
        assertThat(stats.p99FetchUs()).isGreaterThanOrEqualTo(stats.p50FetchUs()).isPositive();
        assertThat(RoundStats.parseLine(stats.toLine())).isEqualTo(stats);
    }

    @Test
    void floor_and_camel_send_exactly_the_requests_otai_sends() throws Exception {
        fake = FakeOtoboMain.newFake();
        List<String> otai = requestsOf(new OtaiSide(fake.baseUrl(), 1, 10));
        List<String> floor = requestsOf(new FloorSide(fake.baseUrl(), 1, 10));
        List<String> camelJinja = requestsOf(new CamelSide(fake.baseUrl(), 1, 10, true));
        List<String> camel = requestsOf(new CamelSide(fake.baseUrl(), 1, 10, false));

        assertThat(otai).hasSize(2 + 3 * 4);
        assertThat(floor).containsExactlyElementsOf(otai);
        assertThat(camelJinja).containsExactlyElementsOf(otai);
        assertThat(camel).containsExactlyElementsOf(otai);
    }

    /** Method, path, headers (but the length, which varies with the ids) and body of every request a side sends for 3 fresh tickets, ids blanked. */
    private List<String> requestsOf(Side side) throws Exception {
        FakeOtoboMain.seed(fake, 3);
        try (side) {
            side.start();
        }
        return fake.requests().stream()
                .map(r -> r.method() + " " + r.path() + " " + headersBut(r.headers(), "content-length") + " "
                        + r.body().replaceAll("\"TicketID\":\"[^\"]*\"", "\"TicketID\":\"<ids>\""))
                .toList();
    }

    private static Map<String, List<String>> headersBut(Map<String, List<String>> headers, String name) {
        var out = new TreeMap<>(headers);
        out.remove(name);
        return out;
    }

    @Test
    void the_check_refuses_a_round_where_a_ticket_missed_its_second_note() throws Exception {
        fake = FakeOtoboMain.newFake();
        List<String> ids = FakeOtoboMain.seed(fake, 1);

        try (var wire = new OtoboWire(fake.baseUrl())) {
            wire.fetch(Workload.INCOMING, 10);
            wire.update(ids.getFirst(), "Queue", "IT");
            wire.note(ids.getFirst(), "Queue classification", "Queue IT");
            wire.update(ids.getFirst(), "Priority", "3 normal");
        }

        RoundStats stats = RoundStats.of(fake, ids);
        assertThat(stats.allCorrect()).isFalse();
        assertThat(stats.problems()).contains("ticket " + ids.getFirst() + ": 2 updates, 1 notes");
    }
}
