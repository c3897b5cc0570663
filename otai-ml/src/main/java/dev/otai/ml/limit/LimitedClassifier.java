package dev.otai.ml.limit;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Lets at most {@code permits} calls into a classifier at once; further callers wait their turn (fairly). A
 * classifier service wraps itself in one so that many runners classifying at the same time cannot overload the
 * machine: the limit belongs to the service, because the service owns the model and its memory. A batch call
 * takes one permit. Closing closes the delegate when it is {@link AutoCloseable}.
 */
public final class LimitedClassifier implements Classifier, AutoCloseable {

    private final Classifier delegate;
    private final Semaphore permits;
    private final int limit;

    public LimitedClassifier(Classifier delegate, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("max_concurrency was " + permits + "; expected at least 1");
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.permits = new Semaphore(permits, true);
        this.limit = permits;
    }

    /** The classifier limited to {@code permits} concurrent calls. */
    public static LimitedClassifier of(Classifier delegate, long permits) {
        return new LimitedClassifier(delegate, Math.toIntExact(permits));
    }

    public int limit() {
        return limit;
    }

    @Override
    public Classification classify(ClassificationRequest request) throws Exception {
        permits.acquire();
        try {
            return delegate.classify(request);
        } finally {
            permits.release();
        }
    }

    @Override
    public List<Classification> classifyAll(List<ClassificationRequest> requests) throws Exception {
        permits.acquire();
        try {
            return delegate.classifyAll(requests);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
