package dev.otai.store.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.core.orchestration.EventInbox;
import dev.otai.store.Store;
import dev.otai.store.StoreFixture;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.PostgresServer;
import dev.otai.testkit.TcpRelay;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event inbox of clustered mode on a real PostgreSQL, with two engines' stores on one database: who may claim
 * which event, in what order, and that each runs once across holders of its runner.
 */
class StoredEventsTest {

    private static final Pattern HOST_PORT = Pattern.compile("//[^/]+/");

    private final FakeClock clock = new FakeClock();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private PostgresServer.Database database;
    private Store storeA;
    private StoredEvents nodeA;
    private StoredEvents nodeB;

    @BeforeEach
    void open() {
        database = PostgresServer.shared().freshDatabase();
        storeA = open(Store.openServer(StoreFixture.onDatabase(database, "a"), clock));
        nodeA = open(new StoredEvents(storeA, "a"));
        nodeB = open(new StoredEvents(open(Store.openServer(StoreFixture.onDatabase(database, "b"), clock)), "b"));
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.addFirst(closeable);
        return closeable;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private static Map<String, Object> event(int n) {
        return Map.of("body", Map.of("n", n));
    }

    private static Map<String, Integer> bounds(String... runners) {
        var bounds = new LinkedHashMap<String, Integer>();
        for (String runner : runners) {
            bounds.put(runner, 100);
        }
        return bounds;
    }

    private static List<Object> numbers(List<EventInbox.Claimed> claimed) {
        return claimed.stream().<Object>map(c -> ((Map<?, ?>) c.event().get("body")).get("n")).toList();
    }

    @Test
    void an_event_is_stored_once_for_each_runner_of_its_trigger_and_claimed_oldest_first() {
        for (int n = 1; n <= 4; n++) {
            assertThat((n % 2 == 0 ? nodeB : nodeA).store("hook", bounds("route", "audit"), event(n))).isTrue();
        }

        List<EventInbox.Claimed> first = nodeA.claim("route", 1, 3);
        assertThat(numbers(first)).containsExactly(1, 2, 3);
        assertThat(first).allSatisfy(c -> {
            assertThat(c.runnerId()).isEqualTo("route");
            assertThat(c.triggerId()).isEqualTo("hook");
            assertThat(c.epoch()).isEqualTo(1);
        });
        assertThat(numbers(nodeA.claim("route", 1, 3))).containsExactly(4);
        assertThat(nodeA.claim("route", 1, 3)).isEmpty();
        assertThat(numbers(nodeB.claim("audit", 7, 10))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void a_delivery_sent_again_to_another_node_is_acknowledged_and_runs_once_while_other_deliveries_and_events_without_one_all_run() {
        var first = new LinkedHashMap<String, Object>(event(1));
        first.put("delivery", "zammad-delivery-7");
        var again = new LinkedHashMap<String, Object>(event(2));
        again.put("delivery", "zammad-delivery-7");
        var other = new LinkedHashMap<String, Object>(event(3));
        other.put("delivery", "x".repeat(8_000)); // a header of any length fits: its hash is stored
        var none = new LinkedHashMap<String, Object>(event(4));
        none.put("delivery", null);

        assertThat(nodeA.store("hook", bounds("route", "audit"), first)).isTrue();
        assertThat(nodeB.store("hook", bounds("route", "audit"), again)).isTrue();
        assertThat(nodeB.store("other-hook", bounds("route"), again)).isTrue(); // the same id from another trigger is its own
        assertThat(nodeB.store("hook", bounds("route", "audit"), other)).isTrue();
        assertThat(nodeA.store("hook", bounds("route", "audit"), none)).isTrue();
        assertThat(nodeB.store("hook", bounds("route", "audit"), none)).isTrue();

        assertThat(numbers(nodeA.claim("route", 1, 10))).containsExactly(1, 2, 3, 4, 4);
        assertThat(numbers(nodeB.claim("audit", 1, 10))).containsExactly(1, 3, 4, 4);
    }

    @Test
    void a_runner_that_has_its_bound_of_unfinished_events_refuses_the_next_and_nothing_of_it_is_stored() {
        var tight = new LinkedHashMap<String, Integer>();
        tight.put("audit", 100);
        tight.put("route", 2);
        assertThat(nodeA.store("hook", tight, event(1))).isTrue();
        assertThat(nodeB.store("hook", tight, event(2))).isTrue();

        assertThat(nodeA.store("hook", tight, event(3))).isFalse();

        assertThat(numbers(nodeA.claim("audit", 1, 10))).containsExactly(1, 2);
        List<EventInbox.Claimed> route = nodeA.claim("route", 1, 10);
        route.getFirst().start("run-1");
        route.getFirst().finished();
        storeA.flush();
        assertThat(nodeB.store("hook", tight, event(4))).as("a done event no longer counts").isTrue();
    }

    @Test
    void a_newer_holder_takes_back_the_events_an_older_one_claimed_and_the_older_can_no_longer_start_them() {
        nodeA.store("hook", bounds("route"), event(1));
        nodeA.store("hook", bounds("route"), event(2));
        List<EventInbox.Claimed> old = nodeA.claim("route", 1, 10);

        List<EventInbox.Claimed> taken = nodeB.claim("route", 2, 10);

        assertThat(numbers(taken)).containsExactly(1, 2);
        assertThat(old.getFirst().start("stale-run")).isFalse();
        assertThat(taken.getFirst().start("run-b")).isTrue();
        assertThat(nodeA.claim("route", 1, 10)).as("an older epoch takes nothing back from a newer one").isEmpty();
        old.get(1).release();
        assertThat(taken.get(1).start("run-b2")).as("the older one's release does not touch the newer claim").isTrue();
    }

    @Test
    void a_started_event_whose_run_the_journal_knows_is_left_to_the_journal_and_never_claimed_again() {
        nodeA.store("hook", bounds("route"), event(1));
        assertThat(nodeA.claim("route", 1, 10).getFirst().start("run-a")).isTrue();
        journalKnows("route", "run-a");

        assertThat(nodeB.claim("route", 2, 10)).isEmpty();
        assertThat(nodeB.claim("route", 3, 10)).isEmpty();
        assertThat(state(1)).isEqualTo("resumed");
    }

    @Test
    void a_started_event_whose_run_never_reached_the_journal_is_claimed_again_by_the_next_holder() {
        nodeA.store("hook", bounds("route"), event(1));
        assertThat(nodeA.claim("route", 1, 10).getFirst().start("run-a")).isTrue();

        List<EventInbox.Claimed> again = nodeB.claim("route", 2, 10);

        assertThat(numbers(again)).containsExactly(1);
        assertThat(again.getFirst().start("run-b")).isTrue();
        assertThat(nodeA.claim("route", 1, 10)).isEmpty();
    }

    @Test
    void a_finished_event_is_never_claimed_again() {
        nodeA.store("hook", bounds("route"), event(1));
        EventInbox.Claimed claimed = nodeA.claim("route", 1, 10).getFirst();
        claimed.start("run-a");
        claimed.finished();
        storeA.flush();

        assertThat(nodeB.claim("route", 2, 10)).isEmpty();
        assertThat(state(1)).isEqualTo("done");
    }

    @Test
    void a_released_event_is_claimed_again_in_its_place_and_cannot_start_under_the_old_claim() {
        for (int n = 1; n <= 3; n++) {
            nodeA.store("hook", bounds("route"), event(n));
        }
        List<EventInbox.Claimed> claimed = nodeA.claim("route", 1, 1);
        claimed.getFirst().release();

        assertThat(claimed.getFirst().start("late")).isFalse();
        assertThat(numbers(nodeB.claim("route", 1, 10))).containsExactly(1, 2, 3);
    }

    @Test
    void a_store_that_cannot_reach_its_database_refuses_the_event_and_stores_nothing() throws Exception {
        var pg = HOST_PORT.matcher(database.url());
        assertThat(pg.find()).isTrue();
        String[] hostPort = pg.group().replace("/", "").split(":");
        TcpRelay relay = open(TcpRelay.to(hostPort[0], Integer.parseInt(hostPort[1])));
        var viaRelay = new PostgresServer.Database(pg.replaceFirst("//127.0.0.1:" + relay.port() + "/"), database.user(),
                database.password());
        Store cutOff = open(Store.openServer(StoreFixture.onDatabase(viaRelay, "c"), clock));
        StoredEvents nodeC = open(new StoredEvents(cutOff, "c"));

        relay.cut();

        assertThatThrownBy(() -> nodeC.store("hook", bounds("route"), event(1)))
                .isInstanceOf(EventInbox.Unreachable.class)
                .hasMessageStartingWith("cannot store an event of trigger 'hook': ");
        assertThat(nodeA.claim("route", 1, 10)).isEmpty();
        relay.restore();
        // as a sender does after a 503: the pool may hand out a connection the cut broke before it notices
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreException(EventInbox.Unreachable.class)
                .until(() -> nodeC.store("hook", bounds("route"), event(2)));
        assertThat(numbers(nodeA.claim("route", 1, 10))).containsExactly(2);
    }

    @Test
    void an_event_whose_json_cannot_be_read_back_is_set_aside_and_the_next_ones_are_claimed() {
        nodeA.store("hook", bounds("route"), event(1));
        storeA.inTransaction(c -> {
            try (var s = c.prepareStatement("UPDATE trigger_events SET event_json = '{\"body\": [' WHERE id = 1")) {
                return s.executeUpdate();
            }
        });
        nodeA.store("hook", bounds("route"), event(2));

        assertThat(numbers(nodeB.claim("route", 1, 10))).containsExactly(2);
        assertThat(state(1)).isEqualTo("unreadable");
        assertThat(nodeB.claim("route", 1, 10)).as("an unreadable event is never claimed").isEmpty();
    }

    @Test
    void a_claimer_waiting_for_events_wakes_when_another_node_stores_one() throws Exception {
        nodeA.awaitStored(Duration.ofMillis(1)); // starts listening
        Thread waiting = Thread.ofVirtual().start(() -> {
            try {
                nodeA.awaitStored(Duration.ofHours(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        nodeB.store("hook", bounds("route"), event(1));

        assertThat(waiting.join(Duration.ofSeconds(30))).as("woken by the NOTIFY sent with the commit").isTrue();
    }

    private void journalKnows(String runnerId, String runId) {
        storeA.inTransaction(c -> {
            try (var s = c.prepareStatement("INSERT INTO journal_runs (runner_id, run_id, trigger_id, event_json, fingerprint, "
                    + "status, started_at) VALUES (?, ?, 'hook', '{}', 'f', 'running', ?)")) {
                s.setString(1, runnerId);
                s.setString(2, runId);
                s.setTimestamp(3, Timestamp.from(clock.instant()));
                return s.executeUpdate();
            }
        });
    }

    private String state(long id) {
        return storeA.read(c -> {
            try (var s = c.prepareStatement("SELECT state FROM trigger_events WHERE id = ?")) {
                s.setLong(1, id);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
    }
}
