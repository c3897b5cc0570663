package dev.otai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.otai.api.PipeResult;
import dev.otai.core.config.Problem;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service as a config uses it: found by ServiceLoader, built from YAML params, injected into the pipe. */
class LlmEngineTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(LlmEngineTest.class.getClassLoader());
    private static final TemplateEngine TEMPLATES = new TemplateEngine();

    private final FakeChatServer server = new FakeChatServer();
    private final Map<String, String> env = Map.of("LLM_BASE_URL", server.baseUrl().toString(),
            "LLM_API_KEY", TestSettings.KEY);

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void classification_pipe_gets_label_confidence_and_scores_from_the_llm_service() throws IOException {
        server.thenAnswer("{\"label\":\"Billing\",\"confidence\":0.95}", new Tokens()
                .sure("{\"", "label", "\":\"")
                .token("Bill", 0.9, Map.of("IT", 0.06, "Sales", 0.02))
                .sure("ing", "\",\"", "confidence", "\":", "0", ".", "95", "}").build());
        ConfigCheck.Result check = ConfigCheck.text(resource("configs/valid/llm-routing.yml"), "llm-routing.yml", env,
                REGISTRY, TEMPLATES);
        assertThat(check.problems()).isEmpty();

        try (Engine engine = Engine.start(check.blueprint().orElseThrow(), TEMPLATES, new FakeClock(), new Lifecycle(),
                EngineListener.NONE)) {
            PipeResult result = engine.runOnce().getFirst().result();

            assertThat(result.succeeded()).as(result.message()).isTrue();
            assertThat(result.data()).containsEntry("label", "OpenTicketAI::Billing")
                    .containsEntry("model_label", "Billing").containsEntry("accepted", true);
            assertThat((Double) result.data().get("confidence")).isCloseTo(0.9, within(1e-9));
            assertThat(result.data().get("scores")).asInstanceOf(
                            InstanceOfAssertFactories.list(Map.class))
                    .extracting(score -> score.get("label"))
                    .containsExactly("OpenTicketAI::Billing", "OpenTicketAI::IT", "OpenTicketAI::Sales");
            var tickets = (InMemoryTicketSystem) engine.assembly().services().get("tickets");
            assertThat(tickets.ticket("7").queue().name()).isEqualTo("OpenTicketAI::Billing");
        }
        assertThat(server.received().getFirst().body().at("/messages/1/content").asText())
                .isEqualTo("Invoice 42 charged twice\nPlease refund the second charge.");
    }

    @Test
    void bad_llm_params_are_reported_at_load_time_with_their_paths() throws IOException {
        String yaml = resource("configs/valid/llm-routing.yml")
                .replace("base_url: \"{{ get_env('LLM_BASE_URL') }}\"", "base_url: \"ftp://models.example\"")
                .replace("timeout: \"PT5S\"", "response_format: \"xml\"\n        labels_unused: 1")
                .replace("        labels:\n          Billing: \"invoices, payments, refunds\"\n"
                        + "          IT: \"hardware, software, accounts\"\n          Sales: \"quotes and new orders\"\n",
                        "        labels: [\"IT\", \"it\"]\n");

        List<Problem> problems = ConfigCheck.text(yaml, "llm-routing.yml", env, REGISTRY, TEMPLATES).errors();

        assertThat(problems).map(Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("services.llm_queue.params.base_url").contains("ftp://models.example"))
                .anySatisfy(p -> assertThat(p).contains("services.llm_queue.params.response_format").contains("json_schema"))
                .anySatisfy(p -> assertThat(p).contains("services.llm_queue.params.labels").contains("unique ignoring case"))
                .allSatisfy(p -> assertThat(p).doesNotContain(TestSettings.KEY));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = LlmEngineTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
