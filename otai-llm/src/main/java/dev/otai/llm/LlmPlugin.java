package dev.otai.llm;

import dev.otai.api.Param;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classifier;
import dev.otai.support.endpoint.EndpointUrl;
import dev.otai.support.retry.RetryTiming;
import java.time.Duration;
import java.util.List;

/** The {@code llm} plugin: {@code llm:LLMClassificationService}. */
public final class LlmPlugin implements Plugin {

    static final Param<String> BASE_URL = Param.string("base_url").mandatory()
            .constrained(EndpointUrl::acceptable, Endpoints.EXPECTED)
            .describedAs("the API root, e.g. https://api.openai.com/v1; /chat/completions is added");
    static final Param<String> MODEL = Param.string("model").mandatory().describedAs("the model (the deployment name on Azure)");
    static final Param<String> API_KEY = Param.string("api_key").secretValue().describedAs("the API key; optional for local servers");
    static final Param<String> AUTH_HEADER = Param.string("auth_header").defaultsTo("Authorization")
            .constrained(v -> v.matches("[A-Za-z0-9-]+"), "an HTTP header name")
            .describedAs("Authorization sends 'Bearer KEY'; any other header (api-key for Azure) the bare key");
    static final Param<String> API_VERSION = Param.string("api_version").describedAs("added as ?api-version=… (Azure's dated API)");
    static final Param<Object> LABELS = Param.any("labels").mandatory().constrained(LabelSet::acceptable, LabelSet.EXPECTED)
            .describedAs("the allowed labels: a list of names, or a mapping of name to description");
    static final Param<String> PROMPT = Param.string("prompt").constrained(v -> !v.isBlank(), "a non-blank prompt template")
            .describedAs("the prompt; placeholders {labels}, {label_names}, {text}");
    static final Param<Long> MAX_TEXT_CHARS = Param.integer("max_text_chars").defaultsTo(8000L)
            .constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("longer texts are cut to this many characters before sending (cost control)");
    static final Param<Double> TEMPERATURE = Param.number("temperature").defaultsTo(0.0)
            .constrained(v -> v >= 0 && v <= 2, "a number in [0,2]")
            .describedAs("sampling temperature; 0 gives the most repeatable answers");
    static final Param<Long> MAX_TOKENS = Param.integer("max_tokens").constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("limit on the answer's tokens; unset by default");
    static final Param<Duration> TIMEOUT = Param.duration("timeout").defaultsTo(Duration.ofSeconds(30))
            .constrained(Duration::isPositive, "a positive duration").describedAs("limit for one attempt");
    static final Param<Long> MAX_RETRIES = Param.integer("max_retries").defaultsTo(2L)
            .constrained(v -> v >= 0 && v <= 10, "an integer in [0,10]")
            .describedAs("retries after 408, 429, 5xx, timeouts and network errors");
    static final Param<String> RESPONSE_FORMAT = Param.string("response_format").defaultsTo("json_object")
            .constrained(v -> ResponseFormat.parse(v).isPresent(), ResponseFormat.EXPECTED)
            .describedAs("json_object, json_schema (label enum), or none");
    static final Param<Boolean> LOGPROBS = Param.bool("logprobs").defaultsTo(true)
            .describedAs("ask for token logprobs and take confidence from them when the server sends them");
    static final Param<Long> TOP_LOGPROBS = Param.integer("top_logprobs").defaultsTo(5L)
            .constrained(v -> v >= 1 && v <= 20, "an integer in [1,20]")
            .describedAs("alternatives per token, which give the other labels' scores");

    static final List<Param<?>> PARAMS = List.of(BASE_URL, MODEL, API_KEY, AUTH_HEADER, API_VERSION, LABELS, PROMPT,
            MAX_TEXT_CHARS, TEMPERATURE, MAX_TOKENS, TIMEOUT, MAX_RETRIES, RESPONSE_FORMAT, LOGPROBS, TOP_LOGPROBS);

    static final ServiceType SERVICE = ServiceType.of("LLMClassificationService",
            "Classifies text with a chat model behind an OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM).",
            Classifier.class, PARAMS,
            setup -> new LlmClassificationService(LlmSettings.from(setup.id(), setup.params()), RetryTiming.of(setup)));

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public List<ServiceType> services() {
        return List.of(SERVICE);
    }
}
