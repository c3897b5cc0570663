package dev.otai.ml.hf;

import dev.otai.api.Param;
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

    private static final Param<String> API_TOKEN = Param.string("api_token").secretValue()
            .describedAs("hub token for private models; default HF_TOKEN, then HUGGING_FACE_HUB_TOKEN");
    private static final Param<String> MODEL_NAME = Param.string("model_name")
            .describedAs("a model to load at startup, used when a request names none");
    private static final Param<List<Object>> PRELOAD = Param.list("preload").ofItems(Param.string("model"))
            .describedAs("more models to load at startup");
    private static final Param<String> HUB_URL = Param.string("hub_url").constrained(EndpointUrl::acceptable, HubSettings.ENDPOINT_EXPECTED)
            .describedAs("the hub's base URL; default HF_ENDPOINT, then https://huggingface.co");
    private static final Param<String> CACHE_DIR = Param.string("cache_dir")
            .describedAs("where downloads are kept; default OTAI_MODEL_CACHE, then ~/.cache/otai/models");
    static final Param<String> REVISION = Param.string("revision").defaultsTo("main")
            .constrained(HubRevision::valid, HubRevision.EXPECTED).describedAs("the repo branch, tag or commit");
    private static final Param<Long> MAX_DOWNLOAD_MB = Param.integer("max_download_mb").defaultsTo(DEFAULT_MAX_DOWNLOAD_MB)
            .constrained(v -> v >= 1 && v <= 1L << 20, "an integer in [1, 1048576]")
            .describedAs("the most MiB one downloaded file may have (JSON files at most 64); larger downloads fail");
    private static final Param<Long> MAX_LENGTH = Param.integer("max_length").defaultsTo(0L)
            .constrained(v -> v >= 0, "an integer of at least 0")
            .describedAs("longest input in tokens; 0 takes max_position_embeddings (at most 512)");
    private static final Param<Long> MAX_CONCURRENCY = Param.integer("max_concurrency").defaultsTo(1L)
            .constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("batches that run at once per model; other texts wait and join the next batch");
    private static final Param<Long> MAX_BATCH = Param.integer("max_batch").defaultsTo(16L)
            .constrained(v -> v >= 1, "an integer of at least 1").describedAs("the most waiting texts classified in one batch");
    private static final Param<Long> THREADS = Param.integer("threads").defaultsTo(0L)
            .constrained(v -> v >= 0, "an integer of at least 0").describedAs("ONNX Runtime threads per batch; 0 lets it choose");
    private static final Param<Duration> DOWNLOAD_TIMEOUT = Param.duration("download_timeout").defaultsTo(Duration.ofMinutes(10))
            .describedAs("the longest one file download may take");

    static final ServiceType TYPE = ServiceType.of("HFClassificationService",
            "Hugging Face text-classification models exported to ONNX, from a local directory or the hub, run offline.",
            Classifier.class,
            List.of(API_TOKEN, MODEL_NAME, PRELOAD, HUB_URL, CACHE_DIR, REVISION, MAX_DOWNLOAD_MB, MAX_LENGTH, MAX_CONCURRENCY,
                    MAX_BATCH, THREADS, DOWNLOAD_TIMEOUT),
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
        var hub = HubSettings.of(p.find(HUB_URL).orElse(null), p.find(API_TOKEN).orElse(null),
                p.find(CACHE_DIR).orElse(null), p.get(REVISION), p.get(DOWNLOAD_TIMEOUT), p.get(MAX_DOWNLOAD_MB) << 20, env);
        var settings = new HFClassificationService.Settings(hub, p.find(MODEL_NAME).orElse(""),
                Math.toIntExact(p.get(MAX_LENGTH)), Math.toIntExact(p.get(MAX_CONCURRENCY)),
                Math.toIntExact(p.get(MAX_BATCH)), Math.toIntExact(p.get(THREADS)));
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
        p.find(MODEL_NAME).filter(m -> !m.isBlank()).ifPresent(models::add);
        p.find(PRELOAD).orElse(List.of()).forEach(m -> models.add(String.valueOf(m)));
        return models;
    }
}
