package dev.otai.ml.hf;

import dev.otai.api.classify.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one model on worker threads of its own. Texts that wait while a worker is busy are classified together
 * in one batch (up to {@code maxBatch}), which is much faster than one at a time; {@code workers} is how many
 * batches may run at once (the service's concurrency limit).
 */
final class Batcher implements AutoCloseable {

    private record Pending(String text, CompletableFuture<Classification> result) {
    }

    private final TextClassificationModel model;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ExecutorService workers;
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean closed;

    Batcher(String name, TextClassificationModel model, int workers, int maxBatch) {
        this.model = model;
        this.maxBatch = maxBatch;
        this.workers = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("hf-" + name + "-", 1).factory());
        for (int i = 0; i < workers; i++) {
            this.workers.execute(this::work);
        }
    }

    CompletableFuture<Classification> submit(String text) {
        var pending = new Pending(text, new CompletableFuture<>());
        if (closed) {
            pending.result().completeExceptionally(new IllegalStateException("the classification service is closed"));
            return pending.result();
        }
        queue.add(pending);
        return pending.result();
    }

    /** How many batches ran so far (for tests and metrics). */
    long batches() {
        return batches.get();
    }

    TextClassificationModel model() {
        return model;
    }

    private void work() {
        while (!closed) {
            var batch = new ArrayList<Pending>(maxBatch);
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            run(batch);
        }
    }

    private void run(List<Pending> batch) {
        batches.incrementAndGet();
        try {
            List<Classification> results = model.classify(batch.stream().map(Pending::text).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (Exception | Error e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        var left = new ArrayList<Pending>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(new IllegalStateException("the classification service closed")));
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        model.close();
    }
}
