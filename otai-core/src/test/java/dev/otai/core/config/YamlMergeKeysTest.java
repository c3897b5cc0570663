package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.config.ConfigNode.MapNode;
import dev.otai.core.engine.ConfigCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML 1.1 merge keys, as OTAI's PyYAML reads them: explicit keys win, earlier merged mappings win over later ones. */
class YamlMergeKeysTest {

    private final Problems problems = new Problems();

    private ConfigNode tree(String yaml) {
        return YamlReader.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yml", problems).orElseThrow();
    }

    @Test
    void a_merged_mapping_adds_the_keys_the_mapping_does_not_set_itself() {
        Object tree = tree("""
                base: &base { use: x, timeout: 5, retry: 1 }
                pipe:
                  timeout: 9
                  <<: *base
                  id: p
                """).toPlain();
        assertThat(tree).isEqualTo(Map.of("base", Map.of("use", "x", "timeout", 5, "retry", 1),
                "pipe", Map.of("use", "x", "timeout", 9, "retry", 1, "id", "p")));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void in_a_list_of_merged_mappings_the_earlier_one_wins() {
        Object tree = tree("""
                a: &a { x: from-a, y: from-a }
                b: &b { x: from-b, z: from-b }
                c: { <<: [*a, *b], y: own }
                """).toPlain();
        assertThat(((Map<?, ?>) tree).get("c")).isEqualTo(Map.of("x", "from-a", "y", "own", "z", "from-b"));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void merged_entries_keep_the_place_where_they_are_written() {
        MapNode root = (MapNode) tree("""
                a: &a
                  retry: 3
                b:
                  <<: *a
                """);
        MapNode b = (MapNode) root.get("b").orElseThrow();
        ConfigNode.Entry retry = b.entries().get("retry");
        assertThat(retry.keyLocation().line()).isEqualTo(2);
        assertThat(retry.keyLocation().column()).isEqualTo(3);
        assertThat(retry.value().location().line()).isEqualTo(2);
        assertThat(retry.value().location().column()).isEqualTo(10);
    }

    @Test
    void a_config_sharing_runner_settings_through_a_merge_key_validates_and_reports_bad_values_where_written() {
        String yaml = """
                open_ticket_ai:
                  services:
                    tickets: { use: "testkit:InMemoryTicketSystem" }
                  orchestrator:
                    runners:
                      - &defaults
                        id: first
                        concurrency: 0
                        run: { id: a, use: base:ExpressionPipe, params: { expression: "1" } }
                      - <<: *defaults
                        id: second
                        run: { id: b, use: base:ExpressionPipe, params: { expression: "2" } }
                """;
        ConfigCheck.Result result = ConfigCheck.text(yaml, "merge.yml", Map.of(), EngineFixture.REGISTRY, EngineFixture.TEMPLATES);
        List<String> errors = result.errors().stream().map(Object::toString).toList();
        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error).startsWith("merge.yml:8:")
                .contains("param 'concurrency' was 0; expected an integer of at least 1"));
    }
}
