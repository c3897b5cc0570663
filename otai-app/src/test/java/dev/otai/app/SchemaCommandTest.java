package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code otai schema} as an editor uses it: the schema it prints is loaded by a JSON-schema validator, every config
 * that otai runs validates against it, and configs otai refuses for a wrong type or an unknown pipe type do not.
 */
class SchemaCommandTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> VALID_CONFIG_DIRS = List.of(
            REPO.resolve("examples"),
            REPO.resolve("otai-core/src/test/resources/configs/valid"),
            REPO.resolve("otai-otobo-znuny/src/test/resources/configs"),
            REPO.resolve("otai-zammad/src/test/resources/configs"),
            REPO.resolve("otai-llm/src/test/resources/configs/valid"));

    private static JsonNode schemaJson;
    private static Schema schema;

    @BeforeAll
    static void printSchema() throws IOException {
        Cli.Outcome outcome = Cli.run("schema");
        assertThat(outcome.code()).as(outcome.err()).isZero();
        schemaJson = new ObjectMapper().readTree(outcome.out());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaJson);
    }

    static Stream<Path> validConfigs() throws IOException {
        var files = new java.util.ArrayList<Path>();
        for (Path dir : VALID_CONFIG_DIRS) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validConfigs")
    void every_config_otai_runs_validates_against_the_schema(Path file) throws IOException {
        assertThat(errors(Files.readString(file))).as(REPO.relativize(file).toString()).isEmpty();
    }

    @Test
    void schema_is_draft_07_and_names_every_installed_pipe_type_with_its_params() {
        assertThat(schemaJson.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        JsonNode classify = schemaJson.at("/definitions/use:base:ClassificationPipe/properties/params/properties/threshold");
        assertThat(classify.at("/anyOf/0/minimum").asInt()).isZero();
        assertThat(classify.at("/anyOf/0/maximum").asInt()).isEqualTo(1);
        assertThat(schemaJson.at("/definitions/use:otobo-znuny:OTOBOZnunyTicketSystemService").isMissingNode()).isTrue();
        assertThat(schemaJson.at("/definitions/service/properties/use/examples").toString())
                .contains("otobo-znuny:OTOBOZnunyTicketSystemService", "zammad:ZammadTicketsystemService");
        assertThat(schemaJson.at("/definitions/use:base:ForEachPipe/properties/params/properties/fail_when/anyOf/0/enum")
                .toString()).isEqualTo("[\"all_failed\",\"any_failed\",\"never\"]");
        assertThat(schemaJson.at("/definitions/use:base:ForEachPipe/properties/params/properties/parallelism/default").asInt())
                .isEqualTo(1);
    }

    @Test
    void schema_is_written_to_the_output_file(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("otai.schema.json");
        Cli.Outcome outcome = Cli.run("schema", "--output", file.toString());
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(file.toFile())).isEqualTo(schemaJson);
    }

    @Test
    void unknown_pipe_type_fails_the_schema() {
        List<Error> errors = errors(config("""
                        run: { id: r, use: "base:ExpresionPipe", params: { expression: "x" } }"""));
        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e.getInstanceLocation().toString()).endsWith("/run/use"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "run: { id: r, use: base:ClassificationPipe, params: { text: x, threshold: high } }",
            "run: { id: r, use: base:ClassificationPipe, params: { text: x, threshold: 1.5 } }",
            "run: { id: r, use: base:ExpressionPipe, params: { expression: x, expresion: y } }",
            "run: { id: r, use: base:ExpressionPipe }",
            "run: { id: r, use: base:ForEachPipe, params: { items: [], steps: [], fail_when: sometimes } }",
            "run: { id: r, use: base:FetchTicketsPipe, injects: { tickets: t } }",
            "run: { id: r, use: base:CompositePipe, steps: fetch }",
            "run: { id: r, use: base:FetchTicketsPipe, injects: { ticket_system: t }, params: { ticket_search_criteria: { limt: 3 } } }",
            "run: { id: r, use: base:FetchTicketsPipe, injects: { ticket_system: t }, params: { ticket_search_criteria: { queue: [Inbox] } } }",
            "run: { id: r, use: base:UpdateTicketPipe, injects: { ticket_system: t }, params: { ticket_id: 1, updated_ticket: { subject: { key: value } } } }",
            "run: { id: r, use: base:ClassificationPipe, params: { text: x, labels: { a: [b] } } }"})
    void wrong_params_fail_the_schema(String runner) {
        assertThat(errors(config(runner))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "run: { id: r, use: base:ClassificationPipe, params: { text: x, threshold: \"{{ params.t }}\" } }",
            "run: { id: r, use: open_ticket_ai.base.pipes.expression_pipe:ExpressionPipe, params: { expression: x } }",
            "run: { id: r, use: otai_base:expressionpipe, expression: x }",
            "run: { id: r, use: ExpressionPipe, params: { expression: x } }",
            "run: { id: r, use: base:ClassificationPipe, params: { text: x, threshold: ~, top_k: \"3\" } }",
            "run: { id: r, use: base:FetchTicketsPipe, injects: { ticket_system: t }, params: { ticket_search_criteria: { queue: { name: Inbox }, limit: \"{{ params.n }}\" } } }"})
    void templates_and_otai_spellings_pass_the_schema(String runner) {
        assertThat(errors(config(runner))).isEmpty();
    }

    @Test
    void a_trigger_defined_once_can_be_named_by_id_alone_or_as_a_mapping() {
        assertThat(errors("""
                open_ticket_ai:
                  orchestrator:
                    runners:
                      - id: a
                        on: { id: hourly, use: base:IntervalTrigger, minutes: 60 }
                        run: { id: r, use: base:ExpressionPipe, expression: x }
                      - id: b
                        on: [hourly]
                        run: { id: s, use: base:ExpressionPipe, expression: y }
                      - id: c
                        on: [{ id: hourly }]
                        run: { id: t, use: base:ExpressionPipe, expression: z }
                """)).isEmpty();
    }

    @Test
    void clustered_storage_settings_pass_the_schema_and_a_url_of_another_database_does_not() {
        String storage = """
                open_ticket_ai:
                  infrastructure:
                    storage:
                      url: "%s"
                      user: otai
                      password: "{{ get_env('OTAI_DB_PASSWORD') }}"
                      pool_size: 8
                      node: node-a
                      lease: PT10S
                  orchestrator: { runners: [] }
                """;

        assertThat(errors(storage.formatted("jdbc:postgresql://db.internal:5432/otai"))).isEmpty();
        assertThat(errors(storage.formatted("jdbc:mysql://db.internal/otai"))).singleElement()
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).endsWith("/storage/url"));
    }

    private static String config(String runner) {
        return """
                open_ticket_ai:
                  orchestrator:
                    runners:
                      - id: main
                """ + "        " + runner + "\n";
    }

    /** Validates the YAML as an editor sees it: anchors resolved, merge keys merged. */
    private static List<Error> errors(String yaml) {
        Object tree = new Yaml().load(yaml);
        return schema.validate(new ObjectMapper().valueToTree(tree));
    }
}
