package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.engine.ConfigCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config files built to hang or exhaust the process (alias bombs, deep nesting, huge scalars, huge files) are
 * refused by validation with one clear problem naming the file, the limit and the place where it was hit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileYamlTest {

    @TempDir
    Path dir;

    private ConfigCheck.Result validate(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ConfigCheck.file(file, Map.of(), EngineFixture.REGISTRY, EngineFixture.TEMPLATES);
    }

    private static String onlyProblem(ConfigCheck.Result result) {
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).hasSize(1);
        return result.problems().getFirst().toString();
    }

    /** Ten levels of ten aliases of the level below: 872 bytes that stand for ten billion values. */
    static String billionLaughs() {
        var yaml = new StringBuilder("otai:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            String below = "*l" + (level - 1);
            yaml.append("  l").append(level).append(": &l").append(level).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(i -> below).collect(Collectors.joining(", "))).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void an_alias_bomb_is_refused_at_the_alias_that_crosses_the_limit() throws IOException {
        String bomb = billionLaughs();
        assertThat(bomb.length()).isLessThan(1000);

        String problem = onlyProblem(validate("bomb.yml", bomb));

        // l0 stands for 11 values, l1 for 111, l2 for 1,111, l3 for 11,111: the eighth alias in l4 passes 100,000
        assertThat(problem).startsWith(dir.resolve("bomb.yml") + ":6:").contains("l4[7]: ")
                .contains("alias *l3 (11,111 values) makes the config hold more than 100,000 values with every alias expanded")
                .contains("at most 100,000");
    }

    @Test
    void more_aliases_than_the_limit_are_refused_naming_the_alias_count() throws IOException {
        String many = IntStream.range(0, 501).mapToObj(i -> "*one").collect(Collectors.joining(", "));

        String problem = onlyProblem(validate("aliases.yml", "otai:\n  a: &one [1]\n  b: [" + many + "]\n"));

        assertThat(problem).contains(":3:").contains("b[500]: alias *one is alias number 501 in this file; "
                + "a config may use at most 500 aliases");
    }

    @Test
    void twenty_thousand_open_brackets_are_refused_at_the_level_beyond_the_limit() throws IOException {
        String problem = onlyProblem(validate("brackets.yml", "otai:\n  a: " + "[".repeat(20_000) + "\n"));

        assertThat(problem).startsWith(dir.resolve("brackets.yml") + ":2:")
                .contains("mappings and lists nested 101 levels deep; a config may nest at most 100 levels");
    }

    private static String blockLevels(int levels) {
        var yaml = new StringBuilder("otai:\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append(" ".repeat(level)).append("k").append(level).append(":\n");
        }
        return yaml.toString();
    }

    @Test
    void twelve_hundred_block_levels_are_refused_by_the_file_size_their_indentation_takes() throws IOException {
        String problem = onlyProblem(validate("blocks.yml", blockLevels(1200)));

        assertThat(problem).isEqualTo(dir.resolve("blocks.yml") + ": file is 727,899 bytes; a config file may be at "
                + "most 524,288 bytes (512 KiB)");
    }

    @Test
    void block_levels_beyond_the_limit_are_refused_at_the_first_level_too_deep() throws IOException {
        String problem = onlyProblem(validate("blocks.yml", blockLevels(150)));

        assertThat(problem).contains("blocks.yml:101:101: k1.k2.k3.")
                .contains("nested 101 levels deep; a config may nest at most 100 levels");
    }

    @Test
    void a_scalar_beyond_the_limit_is_refused_naming_its_length_and_place() throws IOException {
        String problem = onlyProblem(validate("scalar.yml", "otai:\n  note: \"" + "x".repeat(300_000) + "\"\n"));

        assertThat(problem).isEqualTo(dir.resolve("scalar.yml") + ":2:9: note: a value of 300,000 characters; "
                + "a config key or value may be at most 262,144 characters");
    }

    @Test
    void a_ten_megabyte_file_is_refused_by_its_size_before_it_is_parsed() throws IOException {
        String problem = onlyProblem(validate("huge.yml", "otai:\n  note: " + "x".repeat(10_000_000) + "\n"));

        assertThat(problem).isEqualTo(dir.resolve("huge.yml") + ": file is 10,000,015 bytes; a config file may be at "
                + "most 524,288 bytes (512 KiB)");
    }

    @Test
    void an_endless_device_as_config_is_refused_after_reading_no_more_than_the_limit() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(zero), "needs /dev/zero");

        ConfigCheck.Result result = ConfigCheck.file(zero, Map.of(), EngineFixture.REGISTRY, EngineFixture.TEMPLATES);

        assertThat(onlyProblem(result)).isEqualTo("/dev/zero: file is more than 524,288 bytes; a config file may be at "
                + "most 524,288 bytes (512 KiB)");
    }

    @Test
    void a_config_within_the_limits_with_aliases_and_deep_nesting_still_loads() throws IOException {
        String deep = "[".repeat(90) + "]".repeat(90);
        String reused = IntStream.range(0, 200).mapToObj(i -> "*labels").collect(Collectors.joining(", "));
        var problems = new Problems();

        var loaded = ConfigLoader.read(("otai:\n  defs: { labels: &labels [IT, Billing], deep: " + deep + ", many: ["
                + reused + "] }\n").getBytes(StandardCharsets.UTF_8), "ok.yml", Map.of(), Map.of(), problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(loaded).isPresent();
    }
}
