package dev.otai.llm;

import dev.otai.api.ParamSpec;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classifier;
import dev.otai.support.endpoint.EndpointUrl;
import dev.otai.support.retry.RetryTiming;
import java.time.Duration;
import java.util.List;

/** The {@code llm} plugin: {@code llm:LLMClassificationService}. */
public final class LlmPlugin implements Plugin {

    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.string("base_url").mandatory().constrained(EndpointUrl::acceptable, Endpoints.EXPECTED)
                    .describedAs("the API root, e.g. https://api.openai.com/v1; /chat/completions is added"),
            ParamSpec.string("model").mandatory().describedAs("the model (the deployment name on Azure)"),
            ParamSpec.string("api_key").secretValue().describedAs("the API key; optional for local servers"),
            ParamSpec.string("auth_header").defaultsTo("Authorization")
                    .constrained(v -> v.toString().matches("[A-Za-z0-9-]+"), "an HTTP header name")
                    .describedAs("Authorization sends 'Bearer KEY'; any other header (api-key for Azure) the bare key"),
            ParamSpec.string("api_version").describedAs("added as ?api-version=… (Azure's dated API)"),
            ParamSpec.any("labels").mandatory().constrained(LabelSet::acceptable, LabelSet.EXPECTED)
                    .describedAs("the allowed labels: a list of names, or a mapping of name to description"),
            ParamSpec.string("prompt").constrained(v -> !v.toString().isBlank(), "a non-blank prompt template")
                    .describedAs("the prompt; placeholders {labels}, {label_names}, {text}"),
            ParamSpec.integer("max_text_chars").defaultsTo(8000L).constrained(v -> (Long) v >= 1, "an integer of at least 1")
                    .describedAs("longer texts are cut to this many characters before sending (cost control)"),
            ParamSpec.number("temperature").defaultsTo(0.0).constrained(v -> inRange(v, 0, 2), "a number in [0,2]")
                    .describedAs("sampling temperature; 0 gives the most repeatable answers"),
            ParamSpec.integer("max_tokens").constrained(v -> (Long) v >= 1, "an integer of at least 1")
                    .describedAs("limit on the answer's tokens; unset by default"),
            ParamSpec.duration("timeout").defaultsTo(Duration.ofSeconds(30))
                    .constrained(v -> !((Duration) v).isNegative() && !((Duration) v).isZero(), "a positive duration")
                    .describedAs("limit for one attempt"),
            ParamSpec.integer("max_retries").defaultsTo(2L).constrained(v -> inRange(v, 0, 10), "an integer in [0,10]")
                    .describedAs("retries after 408, 429, 5xx, timeouts and network errors"),
            ParamSpec.string("response_format").defaultsTo("json_object")
                    .constrained(v -> ResponseFormat.parse(v.toString()).isPresent(), ResponseFormat.EXPECTED)
                    .describedAs("json_object, json_schema (label enum), or none"),
            ParamSpec.bool("logprobs").defaultsTo(true)
                    .describedAs("ask for token logprobs and take confidence from them when the server sends them"),
            ParamSpec.integer("top_logprobs").defaultsTo(5L).constrained(v -> inRange(v, 1, 20), "an integer in [1,20]")
                    .describedAs("alternatives per token, which give the other labels' scores"));

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

    private static boolean inRange(Object value, double min, double max) {
        double v = ((Number) value).doubleValue();
        return v >= min && v <= max;
    }
}
