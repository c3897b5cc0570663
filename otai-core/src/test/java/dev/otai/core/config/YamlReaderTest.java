package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final Problems problems = new Problems();

    private Object read(String yaml) {
        return YamlReader.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yml", problems).orElseThrow().toPlain();
    }

    @Test
    void anchored_mappings_and_lists_can_be_reused_with_aliases() {
        Object tree = read("""
                defs:
                  route: &route { use: "base:ExpressionPipe", params: { expression: 1 } }
                  labels: &labels [IT, Billing]
                a: *route
                b: *labels
                """);
        assertThat(tree).isEqualTo(Map.of(
                "defs", Map.of("route", Map.of("use", "base:ExpressionPipe", "params", Map.of("expression", 1)),
                        "labels", List.of("IT", "Billing")),
                "a", Map.of("use", "base:ExpressionPipe", "params", Map.of("expression", 1)),
                "b", List.of("IT", "Billing")));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void yaml_1_1_scalars_read_as_pyyaml_reads_them_except_dates() {
        var tree = (Map<String, Object>) read("a: yes\nb: 010\nc: ~\nd: 2024-01-02\ne: \"123\"\n");
        assertThat(tree).containsEntry("a", true).containsEntry("b", 8).containsEntry("c", null)
                .containsEntry("d", "2024-01-02").containsEntry("e", "123");
    }

    @Test
    void an_alias_without_an_anchor_is_a_problem_with_its_place() {
        read("a: &s text\nb: *s\n");
        assertThat(problems.errors()).singleElement().asString()
                .startsWith("t.yml:2:4: b: alias *s refers to no mapping or list anchored &s");
    }
}
