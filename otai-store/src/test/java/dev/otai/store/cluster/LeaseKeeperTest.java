package dev.otai.store.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otai.store.Store;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lease keepers of several nodes on one real PostgreSQL database, each round driven by the test ({@link
 * LeaseKeeper#tick()}) and each with a monotonic clock of its own that the test moves.
 */
class LeaseKeeperTest {

    private static final List<String> SIX = List.of("r1", "r2", "r3", "r4", "r5", "r6");

    private final List<AutoCloseable> opened = new ArrayList<>();
    private DataSource database;

    @BeforeEach
    void database() {
        database = PostgresServer.shared().freshDatabase().dataSource();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @Test
    void each_runner_is_owned_by_exactly_one_of_three_nodes_and_they_share_the_runners_evenly() {
        List<Node> nodes = List.of(node("a", SIX, Duration.ofSeconds(10)), node("b", SIX, Duration.ofSeconds(10)),
                node("c", SIX, Duration.ofSeconds(10)));

        for (int round = 0; round < 10 && !spreadEvenly(nodes); round++) {
            nodes.forEach(n -> n.keeper.tick());
        }

        assertThat(nodes).allSatisfy(n -> assertThat(n.keeper.owned()).as("runners of node %s", n.keeper.node()).hasSize(2));
        Set<String> all = new HashSet<>();
        nodes.forEach(n -> n.keeper.owned().forEach(id -> assertThat(all.add(id)).as("%s owned twice", id).isTrue()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(SIX);
    }

    @Test
    void a_node_alone_owns_every_runner_under_epoch_one_and_a_second_node_gets_its_share_once_the_first_hands_it_back() {
        Node a = node("a", SIX, Duration.ofSeconds(10));
        a.keeper.tick();
        assertThat(a.keeper.owned()).containsExactlyElementsOf(SIX);
        assertThat(SIX).allSatisfy(id -> assertThat(a.keeper.epoch(id)).isEqualTo(1));

        Node b = node("b", SIX, Duration.ofSeconds(10));
        b.keeper.tick(); // b is alive now, and a holds all six: b takes none
        assertThat(b.keeper.owned()).isEmpty();
        a.keeper.tick(); // a sees two nodes: it stops running its last three, and hands them back once idle
        assertThat(a.keeper.owned()).containsExactly("r1", "r2", "r3");
        a.keeper.tick();
        b.keeper.tick();

        assertThat(b.keeper.owned()).containsExactly("r4", "r5", "r6");
        assertThat(b.keeper.epoch("r4")).isEqualTo(2);
        assertThat(b.gained).containsExactly("r4", "r5", "r6");
    }

    @Test
    void a_node_keeps_a_runner_above_its_share_while_a_run_of_it_is_in_flight() {
        Node a = node("a", List.of("r1", "r2"), Duration.ofSeconds(10));
        a.keeper.tick();
        Node b = node("b", List.of("r1", "r2"), Duration.ofSeconds(10));
        b.keeper.tick();
        a.busy.add("r2");

        a.keeper.tick();
        a.keeper.tick();
        b.keeper.tick();

        assertThat(a.keeper.owns("r2")).as("takes no new run of r2").isFalse();
        assertThat(a.keeper.epoch("r2")).as("its run in flight still writes").isEqualTo(1);
        assertThat(b.keeper.owned()).isEmpty();

        a.busy.clear();
        a.keeper.tick();
        b.keeper.tick();
        assertThat(a.keeper.owned()).containsExactly("r1");
        assertThat(b.keeper.owned()).containsExactly("r2");
    }

    @Test
    void a_runner_a_reload_removed_is_handed_back_once_idle() {
        var runners = new CopyOnWriteArrayList<>(List.of("r1", "r2"));
        Node a = node("a", runners, Duration.ofSeconds(10));
        a.keeper.tick();
        runners.remove("r2");

        a.keeper.tick();
        a.keeper.tick();

        assertThat(a.keeper.owned()).containsExactly("r1");
        assertThat(a.keeper.epoch("r2")).isZero();
        Node b = node("b", List.of("r1", "r2"), Duration.ofSeconds(10));
        b.keeper.tick();
        assertThat(b.keeper.owned()).containsExactly("r2");
    }

    @Test
    void a_node_stopped_gracefully_hands_its_runners_over_at_once() throws Exception {
        Node a = node("a", SIX, Duration.ofSeconds(10));
        a.keeper.tick();
        Node b = node("b", SIX, Duration.ofSeconds(10));
        b.keeper.tick();
        assertThat(b.keeper.owned()).isEmpty();

        a.keeper.close();
        b.keeper.tick(); // well within a's 10 s lease

        assertThat(b.keeper.owned()).containsExactlyElementsOf(SIX);
        assertThat(b.keeper.epoch("r1")).isEqualTo(2);
        assertThat(a.keeper.owned()).isEmpty();
    }

    @Test
    void a_node_frozen_past_its_lease_knows_it_lost_its_runner_the_moment_it_wakes_and_another_node_takes_it() {
        Duration lease = Duration.ofSeconds(2);
        Node a = node("a", List.of("r1"), lease);
        a.keeper.tick();
        Node b = node("b", List.of("r1"), lease);
        b.keeper.tick();
        assertThat(a.keeper.owns("r1")).isTrue();
        assertThat(b.keeper.owns("r1")).isFalse();

        a.nanos.addAndGet(lease.toNanos()); // frozen (SIGSTOP, a GC pause) a whole lease long, no renewal since

        assertThat(a.keeper.owns("r1")).as("before any round of its own").isFalse();
        assertThat(a.keeper.epoch("r1")).isZero();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            b.keeper.tick();
            return b.keeper.owns("r1");
        });
        assertThat(b.keeper.epoch("r1")).isEqualTo(2);

        a.keeper.tick();
        assertThat(a.keeper.owns("r1")).isFalse();
        assertThat(a.keeper.leasesLost()).isEqualTo(1);
        assertThat(b.keeper.leasesLost()).isZero();
    }

    @Test
    void a_node_frozen_past_its_lease_that_nobody_took_takes_it_again_under_a_new_epoch_and_resumes_its_runs() {
        Node a = node("a", List.of("r1"), Duration.ofSeconds(10));
        a.keeper.tick();
        a.nanos.addAndGet(Duration.ofSeconds(10).toNanos());

        a.keeper.tick();

        assertThat(a.keeper.owns("r1")).isTrue();
        assertThat(a.keeper.epoch("r1")).isEqualTo(2);
        assertThat(a.keeper.leasesLost()).isEqualTo(1);
        assertThat(a.gained).containsExactly("r1", "r1");
    }

    private static boolean spreadEvenly(List<Node> nodes) {
        return nodes.stream().allMatch(n -> n.keeper.owned().size() == 2);
    }

    private Node node(String name, List<String> runners, Duration lease) {
        Store store = Store.open(database, "postgresql " + name, new FakeClock());
        opened.add(store);
        var node = new Node(new AtomicLong(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), null);
        var keeper = new LeaseKeeper(store, name, lease, node.nanos::get);
        opened.add(keeper);
        Node ready = new Node(node.nanos, node.gained, node.busy, keeper);
        keeper.serve(new LeaseRoster() {
            @Override
            public List<String> runnerIds() {
                return runners;
            }

            @Override
            public boolean idle(String runnerId) {
                return !ready.busy.contains(runnerId);
            }

            @Override
            public Runnable gaining(String runnerId) {
                ready.gained.add(runnerId);
                return () -> { };
            }

            @Override
            public boolean stopping() {
                return false;
            }
        });
        return ready;
    }

    /** One node: its monotonic clock, the runners it gained (in order), those with a run in flight, its keeper. */
    private record Node(AtomicLong nanos, List<String> gained, List<String> busy, LeaseKeeper keeper) {
    }
}
