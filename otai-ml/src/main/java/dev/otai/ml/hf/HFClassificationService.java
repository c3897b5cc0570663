package dev.otai.ml.hf;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code hf-local:HFClassificationService}: Hugging Face sequence-classification models exported to ONNX, run
 * with ONNX Runtime. {@code model_name} is a local directory or a hub repo id (downloaded once into the cache).
 * Each model is loaded once and kept, with its own batching workers; models named in the service's params are
 * loaded at startup.
 */
public final class HFClassificationService implements Classifier, AutoCloseable {

    /**
     * @param defaultModel the model used when a request names none (may be empty)
     * @param maxLength    the longest input in tokens; 0 takes it from the model's config.json
     * @param workers      batches that may run at once per model
     * @param maxBatch     the most texts in one batch
     * @param threads      ONNX Runtime threads per batch; 0 lets it choose
     */
    record Settings(HubSettings hub, String defaultModel, int maxLength, int workers, int maxBatch, int threads) {
    }

    private final Settings settings;
    private final HubDownloader downloader;
    private final ConcurrentHashMap<String, FutureTask<Batcher>> models = new ConcurrentHashMap<>();

    HFClassificationService(Settings settings, HubDownloader downloader) {
        this.settings = settings;
        this.downloader = downloader;
    }

    /** Loads a model now (at startup), so the first ticket does not wait for it. */
    void preload(String model) throws Exception {
        batcher(model, null);
    }

    /** Serves an already loaded model under {@code name}. */
    void adopt(String name, Batcher batcher) {
        var task = new FutureTask<>(() -> batcher);
        task.run();
        models.put(name, task);
    }

    @Override
    public Classification classify(ClassificationRequest request) throws Exception {
        return join(batcher(modelOf(request), request.apiToken()).submit(request.text()));
    }

    /** Submits every text before waiting, so texts for the same model are batched together. */
    @Override
    public List<Classification> classifyAll(List<ClassificationRequest> requests) throws Exception {
        var futures = new ArrayList<CompletableFuture<Classification>>(requests.size());
        for (ClassificationRequest request : requests) {
            futures.add(batcher(modelOf(request), request.apiToken()).submit(request.text()));
        }
        var out = new ArrayList<Classification>(futures.size());
        for (CompletableFuture<Classification> future : futures) {
            out.add(join(future));
        }
        return out;
    }

    private String modelOf(ClassificationRequest request) {
        String model = request.model().isBlank() ? settings.defaultModel() : request.model();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("no model to classify with: the request's model_name is empty and the "
                    + "service has no model_name param; expected a model directory or a Hugging Face repo id");
        }
        return model;
    }

    /** The model's batcher, loading the model the first time (once, even when several threads ask at once). */
    Batcher batcher(String model, String token) throws Exception {
        var task = new FutureTask<>(() -> load(model, token));
        FutureTask<Batcher> existing = models.putIfAbsent(model, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            models.remove(model, existing);
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Batcher load(String model, String token) throws Exception {
        Path dir = Path.of(model);
        if (!Files.isDirectory(dir)) {
            if (!HubDownloader.REPO_ID.matcher(model).matches()) {
                throw new IllegalArgumentException("model_name '" + model + "' is neither a local directory nor a "
                        + "Hugging Face repo id like 'owner/name'");
            }
            dir = downloader.fetch(model, settings.hub().withToken(token));
        }
        var loaded = TextClassificationModel.load(model, ModelFiles.in(dir), settings.maxLength(), settings.threads());
        return new Batcher(model.replaceAll("[^\\w.-]", "_"), loaded, settings.workers(), settings.maxBatch());
    }

    private static Classification join(CompletableFuture<Classification> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        for (FutureTask<Batcher> task : models.values()) {
            try {
                if (task.isDone() && !task.isCancelled()) {
                    task.get().close();
                }
            } catch (ExecutionException | InterruptedException e) {
                // a model that failed to load has nothing to close
            }
        }
        models.clear();
    }
}
