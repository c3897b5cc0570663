package dev.otai.llm;

import dev.otai.api.Params;
import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.RetryTiming;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The validated settings of one LLM classification service.
 *
 * @param serviceId      the service's id in the config, for messages
 * @param endpoint       the full chat-completions URL
 * @param model          the {@code model} sent in each request (the deployment name on Azure)
 * @param apiKey         the key, or {@link ApiKey#NONE}
 * @param authHeader     {@code Authorization} (sent as {@code Bearer KEY}) or another header that carries the bare key
 * @param labels         the allowed answers
 * @param prompt         the prompt template
 * @param maxTextChars   longer texts are cut to this length before sending
 * @param temperature    sampling temperature
 * @param maxTokens      the answer's token limit, if set
 * @param timeout        the limit for one attempt, from connecting to the last byte
 * @param maxRetries     attempts after the first; 0 disables retries
 * @param responseFormat how the answer is constrained to JSON
 * @param topLogprobs    alternatives per token to ask for; 0 asks for no logprobs
 */
record LlmSettings(String serviceId, URI endpoint, String model, ApiKey apiKey, String authHeader, LabelSet labels,
                   PromptTemplate prompt, int maxTextChars, double temperature, OptionalLong maxTokens, Duration timeout,
                   int maxRetries, ResponseFormat responseFormat, int topLogprobs) {

    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(20);
    static final Duration MAX_SERVER_WAIT = Duration.ofSeconds(60);

    LlmSettings {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries was " + maxRetries + "; expected 0 or more");
        }
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(prompt, "prompt");
        apiKey = Objects.requireNonNullElse(apiKey, ApiKey.NONE);
        authHeader = Objects.requireNonNullElse(authHeader, "Authorization");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout was " + timeout + "; expected a positive duration");
        }
    }

    /**
     * When and how long to wait before another attempt. A server's {@code retry-after-ms} or {@code Retry-After}
     * wins (up to {@link #MAX_SERVER_WAIT}); otherwise the wait doubles from {@link #BASE_DELAY} up to
     * {@link #MAX_DELAY}, with equal jitter.
     */
    RetryPolicy retryPolicy(RetryTiming timing) {
        return new RetryPolicy(maxRetries + 1, BASE_DELAY, MAX_DELAY, RetryPolicy.ServerWait.INSTEAD_OF_BACKOFF,
                MAX_SERVER_WAIT, timing);
    }

    /** The text as sent: cut to {@code maxTextChars}, never inside a surrogate pair. */
    String clip(String text) {
        if (text.length() <= maxTextChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxTextChars - 1)) ? maxTextChars - 1 : maxTextChars;
        return text.substring(0, end);
    }

    boolean wantsLogprobs() {
        return topLogprobs > 0;
    }

    /** Reads the params the plugin declares (see {@link LlmPlugin}); the engine has checked their kinds. */
    static LlmSettings from(String serviceId, Params params) {
        return new LlmSettings(serviceId,
                Endpoints.chatCompletions(params.get(LlmPlugin.BASE_URL), params.find(LlmPlugin.API_VERSION).orElse("")),
                params.get(LlmPlugin.MODEL),
                new ApiKey(params.find(LlmPlugin.API_KEY).orElse("")),
                params.get(LlmPlugin.AUTH_HEADER),
                LabelSet.parse(params.get(LlmPlugin.LABELS)),
                PromptTemplate.of(params.find(LlmPlugin.PROMPT).orElse(PromptTemplate.DEFAULT)),
                (int) Math.min(Integer.MAX_VALUE, params.get(LlmPlugin.MAX_TEXT_CHARS)),
                params.get(LlmPlugin.TEMPERATURE),
                params.find(LlmPlugin.MAX_TOKENS).map(OptionalLong::of).orElse(OptionalLong.empty()),
                params.get(LlmPlugin.TIMEOUT),
                Math.toIntExact(params.get(LlmPlugin.MAX_RETRIES)),
                ResponseFormat.parse(params.get(LlmPlugin.RESPONSE_FORMAT)).orElseThrow(),
                params.get(LlmPlugin.LOGPROBS) ? Math.toIntExact(params.get(LlmPlugin.TOP_LOGPROBS)) : 0);
    }

    @Override
    public String toString() {
        return "LlmSettings[service=" + serviceId + ", endpoint=" + endpoint + ", model=" + model + ", apiKey=" + apiKey
                + ", labels=" + labels.names() + "]";
    }
}
