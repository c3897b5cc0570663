package dev.otai.ml.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.ml.train.Evaluation;
import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.ModelDirectory;
import dev.otai.testkit.StandaloneSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HFClassificationServiceTest {

    private static final double SOFTMAX_OF_VOTE = 1 / (1 + Math.exp(-TinyModel.VOTE));

    @TempDir
    Path tmp;

    private HFClassificationService service(Map<String, Object> params, Map<String, String> env) throws Exception {
        return HfLocalPlugin.create(StandaloneSetup.of(HfLocalPlugin.TYPE, "hf_local", params), env);
    }

    private static ClassificationRequest request(String text, String model) {
        return new ClassificationRequest(text, model, null);
    }

    @Test
    void model_from_a_local_directory_labels_text_with_softmax_scores() throws Exception {
        Path dir = TinyModel.write(tmp.resolve("tiny"), false, 64);
        try (var service = service(Map.of(), Map.of())) {
            Classification it = service.classify(request("My printer is broken", dir.toString()));
            Classification billing = service.classify(request("The INVOICE is broken", dir.toString()));

            assertThat(it.label()).isEqualTo("IT");
            assertThat(it.confidence()).isCloseTo(SOFTMAX_OF_VOTE, within(1e-5));
            assertThat(it.scores()).extracting(Classification.LabelScore::label).containsExactly("IT", "Billing");
            assertThat(it.scores().get(1).score()).isCloseTo(1 - SOFTMAX_OF_VOTE, within(1e-5));
            assertThat(billing.label()).isEqualTo("Billing");
        }
    }

    @Test
    void text_beyond_the_models_max_length_is_truncated() throws Exception {
        // 4 positions: [CLS] printer is [SEP]; the two invoices after them are cut off
        Path dir = TinyModel.write(tmp.resolve("tiny"), true, 4);
        try (var service = service(Map.of("model_name", dir.toString()), Map.of())) {
            Classification result = service.classify(request("printer is invoice invoice", ""));

            assertThat(result.label()).isEqualTo("IT");
            assertThat(result.confidence()).isCloseTo(SOFTMAX_OF_VOTE, within(1e-5));
        }
    }

    @Test
    void waiting_texts_are_classified_together_in_batches() throws Exception {
        Path dir = TinyModel.write(tmp.resolve("tiny"), false, 64);
        try (var service = service(Map.of("model_name", dir.toString(), "max_batch", 8L), Map.of())) {
            var requests = new ArrayList<ClassificationRequest>();
            for (int i = 0; i < 24; i++) {
                requests.add(request(i % 2 == 0 ? "printer" : "the refund for my invoice is broken", ""));
            }

            List<Classification> results = service.classifyAll(requests);

            assertThat(results).hasSize(24);
            for (int i = 0; i < 24; i++) {
                assertThat(results.get(i).label()).isEqualTo(i % 2 == 0 ? "IT" : "Billing");
            }
            // the two billing votes of longer texts must not leak into the padded short ones
            assertThat(results.get(1).confidence()).isCloseTo(1 / (1 + Math.exp(-2 * TinyModel.VOTE)), within(1e-5));
            assertThat(service.batcher(dir.toString(), null).batches()).isLessThan(24).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void repo_id_is_downloaded_from_HF_ENDPOINT_once_and_then_served_from_the_cache() throws Exception {
        Path files = TinyModel.write(tmp.resolve("hub-files"), false, 64);
        Path cache = tmp.resolve("cache");
        try (var hub = new FakeHub("acme/tiny-queue", files, null)) {
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.url(), "OTAI_MODEL_CACHE", cache.toString());
            try (var first = service(Map.of("model_name", "acme/tiny-queue"), env)) {
                assertThat(first.classify(request("printer broken", "")).label()).isEqualTo("IT");
            }
            assertThat(hub.requests()).containsExactly("/acme/tiny-queue/resolve/main/config.json",
                    "/acme/tiny-queue/resolve/main/tokenizer.json", "/acme/tiny-queue/resolve/main/onnx/model.onnx",
                    "/acme/tiny-queue/resolve/main/model.onnx", "/cdn/model.onnx");
            assertThat(cache.resolve("acme/tiny-queue/main/model.onnx")).exists();

            try (var second = service(Map.of(), env)) {
                assertThat(second.classify(request("an invoice", "acme/tiny-queue")).label()).isEqualTo("Billing");
            }
            assertThat(hub.requests()).hasSize(5);
        }
    }

    @Test
    void onnx_folder_of_the_repo_is_preferred_and_the_token_is_sent() throws Exception {
        Path files = TinyModel.write(tmp.resolve("hub-files"), true, 64);
        try (var hub = new FakeHub("acme/private", files, "hf_secret_123")) {
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.url(), "HF_TOKEN", "hf_secret_123");
            try (var service = service(Map.of("cache_dir", tmp.resolve("cache").toString()), env)) {
                assertThat(service.classify(request("refund", "acme/private")).label()).isEqualTo("Billing");
            }
            // the token went to the hub, not to the CDN it redirected to (which would have refused it)
            assertThat(hub.requests()).endsWith("/acme/private/resolve/main/onnx/model.onnx", "/cdn/onnx/model.onnx");
        }
    }

    @Test
    void refused_download_names_the_repo_and_status_but_not_the_token() throws Exception {
        Path files = TinyModel.write(tmp.resolve("hub-files"), false, 64);
        try (var hub = new FakeHub("acme/private", files, "right-token")) {
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.url(), "OTAI_MODEL_CACHE", tmp.resolve("c").toString());
            try (var service = service(Map.of(), env)) {
                var wrongToken = new ClassificationRequest("printer", "acme/private", "wrong-token-value");
                assertThatThrownBy(() -> service.classify(wrongToken))
                        .hasMessageContaining("acme/private").hasMessageContaining("HTTP 401")
                        .hasMessageContaining("token was refused").hasMessageNotContaining("wrong-token-value");
            }
        }
    }

    @Test
    void model_named_in_the_service_params_loads_at_startup_and_a_broken_one_stops_it() throws Exception {
        Path dir = TinyModel.write(tmp.resolve("tiny"), false, 64);
        Files.delete(dir.resolve("tokenizer.json"));

        assertThatThrownBy(() -> service(Map.of("model_name", dir.toString()), Map.of()))
                .hasMessageContaining("service 'hf_local' (hf-local:HFClassificationService)")
                .hasMessageContaining("has no tokenizer.json");
    }

    @Test
    void config_without_id2label_is_rejected_with_the_expected_shape() throws Exception {
        Path dir = TinyModel.write(tmp.resolve("tiny"), false, 64);
        Files.writeString(dir.resolve("config.json"), "{\"max_position_embeddings\": 64}");
        try (var service = service(Map.of(), Map.of())) {
            assertThatThrownBy(() -> service.classify(request("printer", dir.toString())))
                    .hasMessageContaining("config.json has no id2label");
        }
    }

    @Test
    void onnx_export_directory_is_evaluated_like_a_trained_model() throws Exception {
        Path dir = TinyModel.write(tmp.resolve("export"), false, 64);
        var data = List.of(new LabelledText("1", "printer broken", "IT"),
                new LabelledText("2", "refund please", "Billing"),
                new LabelledText("3", "my invoice", "IT"));

        try (var loaded = ModelDirectory.load(dir, 0)) {
            var evaluation = Evaluation.of(loaded.classifier(), data);

            assertThat(loaded.metadata().kind()).isEqualTo("onnx-export");
            assertThat(evaluation.accuracy()).isCloseTo(2.0 / 3, within(1e-9));
        }
    }
}
