package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.testkit.process.ReapChildProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(ReapChildProcesses.class)
class EngineLockTest {

    @TempDir
    Path dir;

    private String refusal() {
        Path data = dir.resolve("data").toAbsolutePath();
        return "the data directory " + data + " is in use by another otai engine (pid ";
    }

    @Test
    void a_second_engine_in_this_process_is_refused_naming_the_directory_and_this_pid() {
        try (EngineLock first = EngineLock.acquire(dir.resolve("data"))) {
            assertThatThrownBy(() -> EngineLock.acquire(dir.resolve("data")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith(refusal() + ProcessHandle.current().pid() + ", this process)")
                    .hasMessageContaining("stop that one first, or give this one another directory");
        }
    }

    @Test
    void the_directory_is_free_again_once_its_engine_closed_the_lock() {
        EngineLock.acquire(dir.resolve("data")).close();

        try (EngineLock again = EngineLock.acquire(dir.resolve("data"))) {
            assertThat(dir.resolve("data/engine.lock")).content().isEqualTo("pid=" + ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void an_engine_in_another_process_is_refused_and_its_sigkill_frees_the_directory() throws IOException {
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), EngineLockHolder.class.getName(), dir.resolve("data").toString())
                .redirectErrorStream(true).start();
        var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("locked " + holder.pid());

        assertThatThrownBy(() -> EngineLock.acquire(dir.resolve("data")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(refusal() + holder.pid() + ")");

        holder.destroyForcibly(); // SIGKILL: no chance to release anything itself
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !holder.isAlive());
        try (EngineLock mine = EngineLock.acquire(dir.resolve("data"))) {
            assertThat(dir.resolve("data/engine.lock")).content().isEqualTo("pid=" + ProcessHandle.current().pid() + "\n");
        }
    }
}
