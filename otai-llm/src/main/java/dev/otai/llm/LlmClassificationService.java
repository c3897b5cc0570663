package dev.otai.llm;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import dev.otai.support.retry.RetryTiming;
import dev.otai.support.retry.Sleeper;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Classifies text with a chat model behind any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI,
 * Ollama, vLLM…). The prompt lists the labels and asks for {@code {"label": ..., "confidence": ...}}.
 *
 * <p>Confidence: the probability of the label's tokens when the server returns logprobs; else the confidence the
 * model stated; else 1.0. An answer that is not one of the labels (after trimming, ignoring case) is an error.
 */
final class LlmClassificationService implements Classifier, AutoCloseable {

    private final LlmSettings settings;
    private final ChatTransport transport;

    LlmClassificationService(LlmSettings settings, RetryTiming timing) {
        this.settings = settings;
        this.transport = new ChatTransport(settings, timing);
    }

    LlmClassificationService(LlmSettings settings) {
        this(settings, RetryTiming.of(Sleeper.REAL, InstantSource.system()));
    }

    /**
     * The request's {@code apiToken} (the pipe's {@code api_token}) replaces the service's key for that call. The
     * request's {@code model} (the pipe's {@code model_name}) is ignored: OTAI configs name Hugging Face models there,
     * and the service's {@code model} decides.
     */
    @Override
    public Classification classify(ClassificationRequest request) throws LlmException, InterruptedException {
        ApiKey key = request.apiToken() == null || request.apiToken().isBlank()
                ? settings.apiKey() : new ApiKey(request.apiToken());
        String where = Errors.prefix(settings, key);
        String body = ChatRequests.body(settings, settings.prompt().messages(settings.labels(), settings.clip(request.text())));
        Completion completion = Completion.parse(transport.post(body, key), where);
        Answer answer = Answer.read(completion.content(), where);
        String label = settings.labels().match(answer.label()).orElseThrow(() -> new LlmException(where
                + ": the model answered label " + Errors.quote(answer.label()) + ", which is not one of the allowed labels "
                + settings.labels().names() + "; expected one of them (case and surrounding spaces are ignored)"
                + ("length".equals(completion.finishReason()) ? "; the answer was cut off at max_tokens" : "")));
        Optional<LogprobScorer.Scored> scored = LogprobScorer.score(completion, answer, label, settings.labels());
        if (scored.isPresent()) {
            return new Classification(label, scored.get().confidence(), scored.get().scores());
        }
        double confidence = answer.stated().orElse(1.0);
        return new Classification(label, confidence, List.of(new Classification.LabelScore(label, confidence)));
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "LlmClassificationService[" + settings + "]";
    }
}
