package dev.otai.ml.hf;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Writes a 200 answer's body into a file, but no more than {@code limit} bytes: an answer that declares a larger
 * {@code Content-Length}, or sends more bytes than it may, is cut off and the request fails; {@link #exceeded()}
 * then tells why. Other answers' bodies are discarded (redirects, errors).
 */
final class SizeLimitedFile implements HttpResponse.BodyHandler<Path> {

    private final Path file;
    private final long limit;
    private volatile long received = -1;

    SizeLimitedFile(Path file, long limit) {
        this.file = file;
        this.limit = limit;
    }

    /** Whether the body was cut off for being larger than the limit. */
    boolean exceeded() {
        return received > limit;
    }

    long limit() {
        return limit;
    }

    /** The bytes that had arrived (or were declared) when the body was cut off. */
    long received() {
        return received;
    }

    @Override
    public HttpResponse.BodySubscriber<Path> apply(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Counting(HttpResponse.BodySubscribers.ofFile(file), declared);
    }

    private final class Counting implements HttpResponse.BodySubscriber<Path> {

        private final HttpResponse.BodySubscriber<Path> delegate;
        private final long declared;
        private final CompletableFuture<Path> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long count;
        private boolean stopped;

        Counting(HttpResponse.BodySubscriber<Path> delegate, long declared) {
            this.delegate = delegate;
            this.declared = declared;
            delegate.getBody().whenComplete((path, failure) -> {
                if (failure == null) {
                    body.complete(path);
                } else {
                    body.completeExceptionally(failure);
                }
            });
        }

        @Override
        public CompletionStage<Path> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            delegate.onSubscribe(given);
            if (declared > limit) {
                stop(declared);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (stopped) {
                return;
            }
            for (ByteBuffer item : items) {
                count += item.remaining();
            }
            if (count > limit) {
                stop(count);
                return;
            }
            delegate.onNext(items);
        }

        @Override
        public void onError(Throwable failure) {
            if (!stopped) {
                delegate.onError(failure);
            }
        }

        @Override
        public void onComplete() {
            if (!stopped) {
                delegate.onComplete();
            }
        }

        private void stop(long seen) {
            stopped = true;
            received = seen;
            subscription.cancel();
            IOException tooLarge = new IOException("answer larger than " + limit + " bytes");
            body.completeExceptionally(tooLarge);
            delegate.onError(tooLarge); // closes the file
        }
    }
}
