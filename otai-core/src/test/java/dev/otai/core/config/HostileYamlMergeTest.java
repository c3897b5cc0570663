package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Merge keys that merge what is not a mapping, or that multiply a few bytes into millions of entries. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileYamlMergeTest {

    private final Problems problems = new Problems();

    private void read(String yaml) {
        YamlReader.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yml", problems);
    }

    @Test
    void merging_a_scalar_is_an_error_at_the_value() {
        read("a:\n  <<: 5\n  b: 1\n");
        assertThat(problems.errors()).singleElement().asString().isEqualTo("t.yml:2:7: a.<<: merge key '<<' was the number 5; "
                + "expected a mapping or a list of mappings, such as <<: *defaults or <<: [*a, *b]");
    }

    @Test
    void merging_a_list_that_holds_a_scalar_is_an_error_naming_the_scalar() {
        read("x: &x { k: v }\na: { <<: [*x, oops] }\n");
        assertThat(problems.errors()).singleElement().asString()
                .startsWith("t.yml:2:10: a.<<: merge key '<<' was a list holding the string \"oops\"; expected a mapping");
    }

    @Test
    void a_second_merge_key_in_one_mapping_is_a_duplicate_key() {
        read("x: &x { k: v }\ny: &y { j: w }\na:\n  <<: *x\n  <<: *y\n");
        assertThat(problems.errors()).singleElement().asString()
                .startsWith("t.yml:5:3: a.<<: duplicate key '<<' (first defined at line 4)");
    }

    @Test
    void a_merge_bomb_is_refused_by_the_alias_expansion_limit() {
        var yaml = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n");
        for (int level = 1; level < 9; level++) {
            String below = "*m" + (level - 1);
            yaml.append("m").append(level).append(": &m").append(level).append(" { <<: [")
                    .append(IntStream.range(0, 10).mapToObj(i -> below).collect(Collectors.joining(", "))).append("], ")
                    .append(IntStream.range(0, 10).mapToObj(i -> "k" + i + ": [" + below + ", " + below + "]")
                            .collect(Collectors.joining(", "))).append(" }\n");
        }
        assertThat(yaml.length()).isLessThan(3000);

        read(yaml.toString());

        assertThat(problems.errors()).singleElement().asString()
                .contains("hold more than 100,000 values with every alias expanded");
    }
}
