package dev.otai.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.dist.Installation.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No JVM warning on stderr, whichever supported JDK runs the archive's launcher: every JDK >= 21 installed on this
 * machine, each asked for the version, a validation, a model training (which loads protobuf, whose
 * {@code sun.misc.Unsafe} calls JDK 23+ would warn about) and a run. Older JDKs must not get options they refuse.
 */
class QuietStartIT {

    private static final String QUIET_CONFIG = """
            otai:
              infrastructure:
                logging: { level: WARNING }
                storage: { data_dir: quiet-data }
              services:
                tickets:
                  use: local:LocalTicketSystem
                  params: { seed: data/sample-tickets/tickets.jsonl, seed_queue: Incoming }
              orchestrator:
                runners:
                  - id: count
                    run:
                      id: fetch
                      use: base:FetchTicketsPipe
                      injects: { ticket_system: tickets }
                      params: { ticket_search_criteria: { queue: { name: Incoming }, limit: 10 } }
            """;

    @TempDir
    Path empty;

    @TempDir
    Path fakes;

    Installation installation;

    @BeforeEach
    void unpack() throws Exception {
        installation = Installation.unpack(empty);
    }

    /** The java binaries of every installed JDK of release 21 or newer, and the one running this test. */
    static List<Path> supportedJdks() throws Exception {
        var found = new TreeSet<Path>();
        found.add(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath());
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path home : homes.toList()) {
                    Path java = home.resolve("bin/java");
                    if (Files.isExecutable(java) && major(home).filter(major -> major >= 21).isPresent()) {
                        found.add(java.toRealPath());
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static Optional<Integer> major(Path home) throws Exception {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION=\""))
                .map(line -> line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
                .map(Integer::valueOf).findFirst();
    }

    @ParameterizedTest
    @MethodSource("supportedJdks")
    void every_command_starts_without_a_word_on_stderr(Path java) throws Exception {
        Files.writeString(installation.path("quiet.yml"), QUIET_CONFIG);
        Map<String, String> jdk = Map.of("OTAI_JAVA", java.toString());

        Outcome version = installation.otai(jdk, "--version");
        assertThat(version.err()).isEmpty();
        assertThat(version.out()).startsWith("otai ").containsPattern("\ncommit ([0-9a-f]{12}|unknown)\n")
                .contains("\nJava ").contains(java.getParent().getParent().toString());

        for (List<String> command : List.of(
                List.of("validate", "--config", "quiet.yml"),
                List.of("plugins"),
                List.of("model", "train", "--kind", "ngram-logreg", "--data", "data/sample-tickets/tickets.jsonl",
                        "--out", "model-" + java.hashCode()),
                List.of("run", "--once", "--config", "quiet.yml"),
                List.of("runs", "--config", "quiet.yml"))) {
            Outcome outcome = installation.otai(jdk, command.toArray(String[]::new));
            assertThat(outcome.code()).as(command + ": " + outcome.err()).isZero();
            assertThat(outcome.err()).as(String.join(" ", command)).isEmpty();
        }
    }

    @Test
    void jdks_before_23_are_not_given_the_unsafe_option_they_do_not_know() throws Exception {
        assertThat(launch(fakeJdk("jdk-21", "21.0.7"))).contains("--enable-native-access=ALL-UNNAMED")
                .doesNotContain("--sun-misc-unsafe-memory-access=allow").contains("-jar");
        assertThat(launch(fakeJdk("jdk-22", "22.0.2"))).doesNotContain("--sun-misc-unsafe-memory-access=allow");
        assertThat(launch(fakeJdk("jdk-23", "23.0.1"))).contains("--sun-misc-unsafe-memory-access=allow");
        assertThat(launch(fakeJdk("jdk-25", "25.0.3"))).contains("--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void a_jdk_older_than_21_is_passed_over() throws Exception {
        Outcome outcome = installation.otai(Map.of("OTAI_JAVA", fakeJdk("jdk-17", "17.0.12").toString(),
                "PATH", "/usr/bin:/bin"), "--version");

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).doesNotContain("fake java").startsWith("otai ");
    }

    /** A JDK folder whose {@code release} says {@code version} and whose java prints the options it was given. */
    private Path fakeJdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(fakes.resolve(name + "/bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho fake java\nprintf '%s\\n' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        return java;
    }

    private String launch(Path java) throws Exception {
        Outcome outcome = installation.otai(Map.of("OTAI_JAVA", java.toString()), "--version");
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("fake java\n");
        return outcome.out();
    }
}
