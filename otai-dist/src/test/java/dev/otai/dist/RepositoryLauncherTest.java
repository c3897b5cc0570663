package dev.otai.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.dist.Installation.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./otai} builds its jar when it is missing or older than a source or pom (after a
 * {@code git pull}), and otherwise goes straight to the archive's launcher. Run in a copy of the repository's
 * shape whose {@code mvnw} and launcher are stand-ins that only say they ran; file times are set, not waited for.
 */
class RepositoryLauncherTest {

    private static final Instant BUILT = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path repository;

    Path jar;

    @BeforeEach
    void aRepository() throws Exception {
        Path real = Path.of(System.getProperty("otai.repository", ".."));
        Files.copy(real.resolve("otai"), repository.resolve("otai"), StandardCopyOption.COPY_ATTRIBUTES);
        script("mvnw", "echo \"mvnw $*\" >> build.log; mkdir -p otai-app/target; : > otai-app/target/otai.jar");
        script("otai-dist/src/main/dist/bin/otai", "echo \"launched $OTAI_JAR in $OTAI_HOME with $*\"");
        Files.createDirectories(repository.resolve("otai-core/src/main/java/dev/otai"));
        Files.writeString(repository.resolve("otai-core/src/main/java/dev/otai/Engine.java"), "class Engine {}");
        Files.writeString(repository.resolve("otai-core/pom.xml"), "<project/>");
        jar = repository.resolve("otai-app/target/otai.jar");
    }

    @Test
    void a_missing_jar_is_built_with_package_then_otai_runs() throws Exception {
        Outcome outcome = otai("--version");

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(Files.readString(repository.resolve("build.log")))
                .isEqualTo("mvnw -q -B -DskipTests -pl otai-app -am package\n");
        assertThat(outcome.out()).isEqualTo("launched " + jar + " in " + repository + " with --version\n");
    }

    @Test
    void a_jar_newer_than_every_source_is_used_as_it_is() throws Exception {
        built();

        Outcome outcome = otai("plugins");

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(repository.resolve("build.log")).doesNotExist();
        assertThat(outcome.out()).startsWith("launched " + jar);
    }

    @Test
    void a_source_changed_after_the_build_rebuilds_the_jar() throws Exception {
        built();
        touchAfterBuild("otai-core/src/main/java/dev/otai/Engine.java");

        otai("plugins");

        assertThat(repository.resolve("build.log")).content().contains("package");
    }

    @Test
    void a_pom_changed_after_the_build_rebuilds_the_jar() throws Exception {
        built();
        touchAfterBuild("otai-core/pom.xml");

        otai("plugins");

        assertThat(repository.resolve("build.log")).content().contains("package");
    }

    @Test
    void tests_and_build_output_newer_than_the_jar_do_not_rebuild_it() throws Exception {
        Files.createDirectories(repository.resolve("otai-core/src/test/java"));
        Files.writeString(repository.resolve("otai-core/src/test/java/EngineTest.java"), "class EngineTest {}");
        Files.createDirectories(repository.resolve("otai-core/target/classes"));
        Files.writeString(repository.resolve("otai-core/target/classes/Engine.class"), "");
        built();
        touchAfterBuild("otai-core/src/test/java/EngineTest.java");
        touchAfterBuild("otai-core/target/classes/Engine.class");

        otai("plugins");

        assertThat(repository.resolve("build.log")).doesNotExist();
    }

    @Test
    void the_launcher_is_told_the_script_as_the_user_started_it_for_the_hints_otai_prints() throws Exception {
        built();
        script("otai-dist/src/main/dist/bin/otai", "echo \"launcher $OTAI_LAUNCHER\"");

        Outcome outcome = Installation.exec(repository, Map.of(), List.of("/bin/sh", "-c", "./otai quickstart"));

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).isEqualTo("launcher ./otai\n");
    }

    /** A jar built at {@link #BUILT}, every file of the repository older than it. */
    private void built() throws Exception {
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        try (var files = Files.walk(repository)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(3600)));
            }
        }
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    private void touchAfterBuild(String file) throws Exception {
        Files.setLastModifiedTime(repository.resolve(file), FileTime.from(BUILT.plusSeconds(60)));
    }

    private void script(String relative, String body) throws Exception {
        Path file = repository.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private Outcome otai(String... args) throws Exception {
        var command = new java.util.ArrayList<String>(List.of(repository.resolve("otai").toString()));
        command.addAll(List.of(args));
        return Installation.exec(repository, Map.of(), command);
    }
}
