package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code otai validate} as a real process with a 48 MB heap: files built to hang or exhaust it are refused with one
 * clear problem and exit code 1, never an endless run, an OutOfMemoryError or a StackOverflowError.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(ReapChildProcesses.class)
class HostileConfigFileTest {

    @TempDir
    Path dir;

    /** Runs {@code otai validate} on {@code yaml} in a small JVM; returns its exit code and output. */
    private String validate(String name, String yaml) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve(name), yaml);
        Path output = dir.resolve(name + ".out");
        Process validate = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate", "--config", file.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(validate.waitFor(60, TimeUnit.SECONDS)).as("validate of %s ended", name).isTrue();
        String printed = Files.readString(output);
        assertThat(validate.exitValue()).as(printed).isEqualTo(1);
        assertThat(printed).doesNotContain("Exception").doesNotContain("Error:").endsWith("1 problem in " + file + "\n");
        return printed;
    }

    @Test
    void an_alias_bomb_is_refused_without_being_expanded() throws Exception {
        var bomb = new StringBuilder("otai:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            String below = "*l" + (level - 1);
            bomb.append("  l").append(level).append(": &l").append(level).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(i -> below).collect(Collectors.joining(", "))).append("]\n");
        }

        assertThat(validate("bomb.yml", bomb.toString()))
                .contains("alias *l3 (11,111 values) makes the config hold more than 100,000 values");
    }

    @Test
    void twenty_thousand_brackets_are_refused_without_a_stack_overflow() throws Exception {
        assertThat(validate("brackets.yml", "otai:\n  a: " + "[".repeat(20_000) + "\n"))
                .contains("nested 101 levels deep; a config may nest at most 100 levels");
    }

    @Test
    void a_ten_megabyte_scalar_is_refused_by_the_file_size_without_being_read() throws Exception {
        assertThat(validate("huge.yml", "otai:\n  note: " + "x".repeat(10_000_000) + "\n"))
                .contains("file is 10,000,015 bytes; a config file may be at most 524,288 bytes (512 KiB)");
    }
}
