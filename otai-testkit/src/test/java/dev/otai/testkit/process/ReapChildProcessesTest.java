package dev.otai.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class ReapChildProcessesTest {

    /** Run by the test below, not by the build: starts a shell with a child of its own, then fails. */
    @ExtendWith(ReapChildProcesses.class)
    static class FailsLeavingAProcessTreeBehind {

        @Test
        void starts_a_process_tree_and_fails() throws IOException {
            Process shell = new ProcessBuilder("/bin/sh", "-c", "sleep 300 & wait").start();
            List<Long> grandchildren = List.of();
            for (int tries = 0; tries < 10_000 && grandchildren.isEmpty(); tries++) {
                grandchildren = shell.descendants().map(ProcessHandle::pid).toList();
            }
            throw new AssertionError("pids " + shell.pid() + " " + grandchildren.getFirst());
        }
    }

    @Test
    void a_failed_test_leaves_no_process_nor_its_descendants_running() {
        var summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FailsLeavingAProcessTreeBehind.class)).build(), summary);

        List<TestExecutionSummary.Failure> failures = summary.getSummary().getFailures();
        assertThat(failures).singleElement().satisfies(failure ->
                assertThat(failure.getException()).hasMessageStartingWith("pids "));
        long[] pids = Arrays.stream(failures.getFirst().getException().getMessage().substring("pids ".length()).split(" "))
                .mapToLong(Long::parseLong).toArray();
        assertThat(pids).hasSize(2);
        for (long pid : pids) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            assertThat(process.filter(ProcessHandle::isAlive)).as("process %d", pid).isEmpty();
        }
    }
}
