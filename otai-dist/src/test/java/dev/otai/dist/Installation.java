package dev.otai.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The release archive unpacked into an empty folder outside the repository, and its {@code bin/otai} run there as
 * an operator would: a real process in the installation folder, given at most {@link #LIMIT_SECONDS}, killed with
 * its children when it overruns.
 */
final class Installation {

    static final long LIMIT_SECONDS = 240;

    /** How a command ended and what it printed. */
    record Outcome(int code, String out, String err) {
    }

    final Path home;

    private Installation(Path home) {
        this.home = home;
    }

    /** The archive the build packaged, unpacked into {@code into} (an empty folder). */
    static Installation unpack(Path into) throws Exception {
        Path archive = Path.of(System.getProperty("otai.archive"));
        assertThat(archive).isRegularFile();
        Path repository = Path.of(System.getProperty("otai.repository")).toRealPath();
        assertThat(into.toRealPath().startsWith(repository)).as("unpacked outside the repository").isFalse();
        Outcome untar = exec(into, Map.of(), List.of("tar", "xzf", archive.toString()));
        assertThat(untar.code()).as(untar.err()).isZero();
        try (var entries = Files.list(into)) {
            List<Path> tops = entries.toList();
            assertThat(tops).as("one top folder").hasSize(1);
            return new Installation(tops.getFirst());
        }
    }

    static Path examplePlugin() {
        Path jar = Path.of(System.getProperty("otai.example.plugin"));
        assertThat(jar).isRegularFile();
        return jar;
    }

    Path path(String relative) {
        return home.resolve(relative);
    }

    Outcome otai(String... args) throws Exception {
        return otai(Map.of(), args);
    }

    /** {@code bin/otai args} in the installation folder, with these variables added to a clean environment. */
    Outcome otai(Map<String, String> environment, String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(home.resolve("bin/otai").toString());
        command.addAll(List.of(args));
        return exec(home, environment, command);
    }

    /**
     * Runs a command with only PATH and HOME of this process's environment (so nothing of the build, such as
     * JAVA_HOME or OTAI_*, leaks into what an operator would see), plus {@code environment}.
     */
    static Outcome exec(Path directory, Map<String, String> environment, List<String> command) throws Exception {
        Path out = Files.createTempFile("otai-out", ".txt");
        Path err = Files.createTempFile("otai-err", ".txt");
        try {
            var builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            var kept = new HashMap<String, String>();
            for (String name : List.of("PATH", "HOME", "LANG")) {
                if (System.getenv(name) != null) {
                    kept.put(name, System.getenv(name));
                }
            }
            env.clear();
            env.putAll(kept);
            env.putAll(environment);
            Process process = builder.start();
            try {
                if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError(command + " ran longer than " + LIMIT_SECONDS + " s");
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
