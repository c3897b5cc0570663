package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.process.ReapChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A JVM told to bind H2 to every interface does not open the store at all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(ReapChildProcesses.class)
class StoreBindAddressTest {

    @TempDir
    Path dir;

    @Test
    void the_store_refuses_to_open_when_h2_would_listen_beyond_loopback() throws Exception {
        Path output = dir.resolve("out.txt");
        Process cli = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Dh2.bindAddress=0.0.0.0",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "tickets", "list",
                "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(cli.waitFor(50, TimeUnit.SECONDS)).isTrue();

        assertThat(cli.exitValue()).isEqualTo(1);
        assertThat(Files.readString(output)).isEqualTo("the embedded store's server port would listen on 0.0.0.0 "
                + "(-Dh2.bindAddress=0.0.0.0); expected a loopback address: remove -Dh2.bindAddress or set it to 127.0.0.1\n");
        assertThat(dir.resolve("data/otai.mv.db")).doesNotExist();
    }
}
