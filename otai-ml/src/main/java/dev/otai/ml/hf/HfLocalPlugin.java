package dev.otai.ml.hf;

import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classifier;
import dev.otai.support.endpoint.EndpointUrl;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code hf-local} plugin: OTAI's {@code hf-local:HFClassificationService}, on ONNX Runtime. */
public final class HfLocalPlugin implements Plugin {

    /** 2 GiB: the largest ONNX file protobuf can hold without external data. */
    static final long DEFAULT_MAX_DOWNLOAD_MB = 2048L;

    static final ServiceType TYPE = ServiceType.of("HFClassificationService",
            "Hugging Face text-classification models exported to ONNX, from a local directory or the hub, run offline.",
            Classifier.class,
            List.of(ParamSpec.string("api_token").secretValue()
                            .describedAs("hub token for private models; default HF_TOKEN, then HUGGING_FACE_HUB_TOKEN"),
                    ParamSpec.string("model_name").describedAs("a model to load at startup, used when a request names none"),
                    ParamSpec.list("preload").describedAs("more models to load at startup"),
                    ParamSpec.string("hub_url").constrained(EndpointUrl::acceptable, HubSettings.ENDPOINT_EXPECTED)
                            .describedAs("the hub's base URL; default HF_ENDPOINT, then https://huggingface.co"),
                    ParamSpec.string("cache_dir").describedAs("where downloads are kept; default OTAI_MODEL_CACHE, then ~/.cache/otai/models"),
                    ParamSpec.string("revision").defaultsTo("main").constrained(HubRevision::valid, HubRevision.EXPECTED)
                            .describedAs("the repo branch, tag or commit"),
                    ParamSpec.integer("max_download_mb").defaultsTo(DEFAULT_MAX_DOWNLOAD_MB)
                            .constrained(v -> (Long) v >= 1 && (Long) v <= 1L << 20, "an integer in [1, 1048576]")
                            .describedAs("the most MiB one downloaded file may have (JSON files at most 64); larger downloads fail"),
                    ParamSpec.integer("max_length").defaultsTo(0L).constrained(v -> (Long) v >= 0, "an integer of at least 0")
                            .describedAs("longest input in tokens; 0 takes max_position_embeddings (at most 512)"),
                    ParamSpec.integer("max_concurrency").defaultsTo(1L).constrained(v -> (Long) v >= 1, "an integer of at least 1")
                            .describedAs("batches that run at once per model; other texts wait and join the next batch"),
                    ParamSpec.integer("max_batch").defaultsTo(16L).constrained(v -> (Long) v >= 1, "an integer of at least 1")
                            .describedAs("the most waiting texts classified in one batch"),
                    ParamSpec.integer("threads").defaultsTo(0L).constrained(v -> (Long) v >= 0, "an integer of at least 0")
                            .describedAs("ONNX Runtime threads per batch; 0 lets it choose"),
                    ParamSpec.duration("download_timeout").defaultsTo(Duration.ofMinutes(10))
                            .describedAs("the longest one file download may take")),
            setup -> create(setup, System.getenv()));

    @Override
    public String name() {
        return "hf-local";
    }

    @Override
    public List<ServiceType> services() {
        return List.of(TYPE);
    }

    static HFClassificationService create(ServiceSetup setup, Map<String, String> env) throws Exception {
        Params p = setup.params();
        var hub = HubSettings.of(p.optionalString("hub_url").orElse(null), p.optionalString("api_token").orElse(null),
                p.optionalString("cache_dir").orElse(null), p.string("revision"), p.duration("download_timeout"),
                p.integer("max_download_mb") << 20, env);
        var settings = new HFClassificationService.Settings(hub, p.optionalString("model_name").orElse(""),
                Math.toIntExact(p.integer("max_length")), Math.toIntExact(p.integer("max_concurrency")),
                Math.toIntExact(p.integer("max_batch")), Math.toIntExact(p.integer("threads")));
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        var service = new HFClassificationService(settings, new HubDownloader(http));
        try {
            for (String model : preloaded(p)) {
                service.preload(model);
            }
        } catch (Exception e) {
            service.close();
            throw new IllegalStateException("service '" + setup.id() + "' (hf-local:HFClassificationService): "
                    + e.getMessage(), e);
        }
        return service;
    }

    private static List<String> preloaded(Params p) {
        var models = new ArrayList<String>();
        p.optionalString("model_name").filter(m -> !m.isBlank()).ifPresent(models::add);
        if (p.has("preload")) {
            p.list("preload").forEach(m -> models.add(String.valueOf(m)));
        }
        return models;
    }
}
