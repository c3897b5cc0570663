package dev.otai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otai.api.classify.Classification;
import dev.otai.api.classify.Classification.LabelScore;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.support.retry.RetryTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmClassificationServiceTest {

    private static final ClassificationRequest TICKET = new ClassificationRequest(
            "Invoice 42 charged twice", "softoft/otai-queue-de-bert-v1", null);

    private final FakeChatServer server = new FakeChatServer();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private LlmClassificationService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        server.close();
    }

    private LlmClassificationService service(Object... overrides) {
        service = new LlmClassificationService(TestSettings.of(server.baseUrl(), overrides), new RetryTiming(waits::add,
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")), () -> 0.5));
        return service;
    }

    @Test
    void answer_without_logprobs_takes_the_confidence_the_model_states() throws Exception {
        server.thenAnswer("{\"label\": \"  billing \", \"confidence\": 0.82}");

        Classification result = service().classify(TICKET);

        assertThat(result.label()).isEqualTo("Billing");
        assertThat(result.confidence()).isEqualTo(0.82);
        assertThat(result.scores()).containsExactly(new LabelScore("Billing", 0.82));
    }

    @Test
    void request_lists_the_labels_asks_for_json_and_logprobs_and_sends_the_key_as_bearer() throws Exception {
        server.thenAnswer("{\"label\": \"Billing\", \"confidence\": 0.9}");

        service().classify(TICKET);

        FakeChatServer.Received request = server.received().getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + TestSettings.KEY);
        JsonNode body = request.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("temperature").asDouble()).isZero();
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("logprobs").asBoolean()).isTrue();
        assertThat(body.path("top_logprobs").asInt()).isEqualTo(5);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText())
                .contains("- Billing: invoices, payments, refunds\n- IT: hardware, software, accounts\n- Sales")
                .contains("JSON").contains("\"label\"").contains("\"confidence\"");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Invoice 42 charged twice");
    }

    @Test
    void answer_with_logprobs_takes_the_probability_of_the_label_tokens() throws Exception {
        server.thenAnswer("{\"label\":\"Billing\",\"confidence\":0.99}", new Tokens()
                .sure("{\"", "label", "\":\"")
                .token("Bill", 0.8, Map.of("IT", 0.15, "Sales", 0.03, "B", 0.01))
                .token("ing", 0.99, Map.of())
                .sure("\",\"", "confidence", "\":", "0", ".", "99", "}").build());

        Classification result = service().classify(TICKET);

        assertThat(result.label()).isEqualTo("Billing");
        assertThat(result.confidence()).isCloseTo(0.8 * 0.99, within(1e-9));
        assertThat(result.scores()).extracting(LabelScore::label).containsExactly("Billing", "IT", "Sales");
        assertThat(result.scores()).extracting(LabelScore::score)
                .satisfiesExactly(s -> assertThat(s).isCloseTo(0.792, within(1e-9)),
                        s -> assertThat(s).isCloseTo(0.15, within(1e-9)),
                        s -> assertThat(s).isCloseTo(0.03, within(1e-9)));
    }

    @Test
    void labels_with_a_shared_prefix_fork_where_their_tokens_differ() throws Exception {
        server.thenAnswer("{\"label\": \"OpenTicketAI::IT\"}", new Tokens()
                .sure("{\"", "label", "\":", " \"")
                .token("Open", 0.9, Map.of())
                .sure("Ticket", "AI", "::")
                .token("IT", 0.6, Map.of("Bill", 0.3, "Sal", 0.05))
                .sure("\"}").build());

        Classification result = service("labels", List.of("OpenTicketAI::IT", "OpenTicketAI::Billing", "OpenTicketAI::Sales"))
                .classify(TICKET);

        assertThat(result.label()).isEqualTo("OpenTicketAI::IT");
        assertThat(result.confidence()).isCloseTo(0.54, within(1e-9));
        assertThat(result.scores()).extracting(LabelScore::label)
                .containsExactly("OpenTicketAI::IT", "OpenTicketAI::Billing", "OpenTicketAI::Sales");
        assertThat(result.scores().get(1).score()).isCloseTo(0.27, within(1e-9));
        assertThat(result.scores().get(2).score()).isCloseTo(0.045, within(1e-9));
    }

    @Test
    void answer_with_neither_logprobs_nor_a_stated_confidence_is_fully_confident() throws Exception {
        server.thenAnswer("```json\n{\"label\": \"Sales\"}\n```");

        Classification result = service().classify(TICKET);

        assertThat(result.label()).isEqualTo("Sales");
        assertThat(result.confidence()).isEqualTo(1.0);
    }

    @Test
    void bare_label_without_json_is_accepted_when_json_mode_is_off() throws Exception {
        server.thenAnswer(" \"it\".\n");

        Classification result = service("response_format", "none", "logprobs", false).classify(TICKET);

        assertThat(result.label()).isEqualTo("IT");
        assertThat(server.lastBody().has("response_format")).isFalse();
        assertThat(server.lastBody().has("logprobs")).isFalse();
    }

    @Test
    void answer_outside_the_labels_fails_naming_the_answer_and_the_allowed_labels() {
        server.thenAnswer("{\"label\": \"Refunds\", \"confidence\": 0.7}");

        assertThatThrownBy(() -> service().classify(TICKET))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("LLM service 'llm_queue'")
                .hasMessageContaining("answered label \"Refunds\"")
                .hasMessageContaining("not one of the allowed labels [Billing, IT, Sales]");
    }

    @Test
    void answer_without_a_label_field_fails_showing_the_answer() {
        server.thenAnswer("{\"category\": \"Billing\"}");

        assertThatThrownBy(() -> service().classify(TICKET))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("{\"category\": \"Billing\"}")
                .hasMessageContaining("no text field 'label'");
    }

    @Test
    void json_schema_format_restricts_the_label_to_the_label_names() throws Exception {
        server.thenAnswer("{\"label\": \"IT\", \"confidence\": 1}");

        service("response_format", "json_schema").classify(TICKET);

        JsonNode format = server.lastBody().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/schema/properties/label/enum").toString()).isEqualTo("[\"Billing\",\"IT\",\"Sales\"]");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
    }

    @Test
    void prompt_with_a_text_placeholder_is_sent_as_one_user_message() throws Exception {
        server.thenAnswer("{\"label\": \"IT\"}");

        service("prompt", "Labels: {label_names}. Ticket: {text}. Reply as JSON {\"label\": ...}").classify(TICKET);

        JsonNode messages = server.lastBody().path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("content").asText())
                .isEqualTo("Labels: Billing, IT, Sales. Ticket: Invoice 42 charged twice. Reply as JSON {\"label\": ...}");
    }

    @Test
    void long_text_is_cut_to_max_text_chars_before_sending() throws Exception {
        server.thenAnswer("{\"label\": \"IT\"}");

        service("max_text_chars", 10L).classify(new ClassificationRequest("x".repeat(50), "", null));

        assertThat(server.lastBody().at("/messages/1/content").asText()).isEqualTo("x".repeat(10));
    }

    @Test
    void tokens_that_split_a_character_still_line_up_with_the_label() throws Exception {
        server.thenAnswer("{\"label\":\"Störung\"}", new Tokens()
                .sure("{\"", "label", "\":\"")
                .token("St", 0.7, Map.of("Bestellung", 0.2))
                .partial(0.9, 0xc3).partial(1.0, 0xb6)
                .sure("rung", "\"}").build());

        Classification result = service("labels", List.of("Störung", "Bestellung")).classify(TICKET);

        assertThat(result.label()).isEqualTo("Störung");
        assertThat(result.confidence()).isCloseTo(0.63, within(1e-9));
        assertThat(result.scores()).extracting(LabelScore::label).containsExactly("Störung", "Bestellung");
    }
}
