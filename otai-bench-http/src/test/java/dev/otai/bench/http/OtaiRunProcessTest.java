package dev.otai.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test of the real-process benchmark: each contender runs as its own process (otai through
 * {@code dev.otai.app.Main run} from this test's class path, with the launcher's JVM flags and the default store)
 * against the fake on loopback, 10 tickets fetched 4 at a time, P = 1. Correctness only: every ticket routed with
 * exactly its 2 updates and 2 notes, and no request beyond the pipeline's own (a search and a read per fetch, 4
 * writes per ticket). No figure is asserted.
 */
class OtaiRunProcessTest {

    private static final int TICKETS = 10;
    private static final int FETCH = 4;

    @TempDir
    Path work;

    private FakeOtoboMain fakeMain;
    private FakeControl fake;
    private Launch launch;

    @BeforeEach
    void start_the_fake() throws Exception {
        fakeMain = FakeOtoboMain.start();
        fake = new FakeControl(fakeMain.controlUrl(), ProcessHandle.current().pid());
        String classpath = OtaiRunBench.absolute(System.getProperty("java.class.path"));
        launch = new Launch(ProcessHandle.current().info().command().orElse("java"), Launch.LAUNCHER_FLAGS, classpath, classpath,
                null, FETCH, 10, "none");
    }

    @AfterEach
    void stop_the_fake() {
        fake.close();
        fakeMain.close();
    }

    @Test
    void otai_run_with_store_and_ledger_routes_every_ticket_with_only_the_pipelines_requests() throws Exception {
        RoundOutcome outcome = runOnce("otai");

        assertRoutedWithThePipelinesRequestsOnly(outcome);
        assertThat(outcome.exitCode()).as("exit code after SIGTERM").isZero();
        assertThat(work.resolve("otai/otai-data/otai.mv.db")).as("the default store in the working directory").exists();
    }

    @Test
    void otai_run_with_the_ledger_off_routes_every_ticket_with_only_the_pipelines_requests() throws Exception {
        RoundOutcome outcome = runOnce("otai-ledger-off");

        assertRoutedWithThePipelinesRequestsOnly(outcome);
        assertThat(outcome.exitCode()).as("exit code after SIGTERM").isZero();
    }

    @Test
    void camel_route_process_routes_every_ticket_with_the_same_requests() throws Exception {
        assertRoutedWithThePipelinesRequestsOnly(runOnce("camel"));
    }

    private RoundOutcome runOnce(String name) throws Exception {
        Contender contender = OtaiRunBench.contenders(name, launch).getFirst();
        return new ProcessRound(fake, Duration.ofSeconds(60)).run(contender, 1, TICKETS, work.resolve(name));
    }

    private static void assertRoutedWithThePipelinesRequestsOnly(RoundOutcome outcome) {
        assertThat(outcome.problem()).as("the fake's check").isNull();
        int fetches = (TICKETS + FETCH - 1) / FETCH;
        Traffic t = outcome.traffic();
        assertThat(List.of(t.searches(), t.gets(), t.updates(), t.notes(), t.other()))
                .as("search / get / update / note / other").containsExactly(fetches, fetches, 2 * TICKETS, 2 * TICKETS, 0);
    }
}
