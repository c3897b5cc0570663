package dev.otai.ml.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LimitedClassifierTest {

    /** Blocks every call until released and records how many calls were inside at once. */
    static final class GatedClassifier implements Classifier, AutoCloseable {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(2);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        boolean closed;

        @Override
        public Classification classify(ClassificationRequest request) throws Exception {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
                return new Classification("IT", 0.9, null);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void calls_beyond_the_limit_wait_until_a_running_one_finishes() throws Exception {
        var gated = new GatedClassifier();
        var limited = new LimitedClassifier(gated, 2);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Classification>> results = List.of(
                    callers.submit(() -> limited.classify(new ClassificationRequest("a", "", null))),
                    callers.submit(() -> limited.classify(new ClassificationRequest("b", "", null))),
                    callers.submit(() -> limited.classify(new ClassificationRequest("c", "", null))),
                    callers.submit(() -> limited.classify(new ClassificationRequest("d", "", null))));
            assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(gated.inside.get()).isEqualTo(2);

            gated.release.countDown();

            for (Future<Classification> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).label()).isEqualTo("IT");
            }
            assertThat(gated.mostInside.get()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void closing_closes_the_delegate() throws Exception {
        var gated = new GatedClassifier();
        try (var limited = LimitedClassifier.of(gated, 1)) {
            assertThat(limited.limit()).isEqualTo(1);
        }
        assertThat(gated.closed).isTrue();
    }

    @Test
    void limit_below_one_is_rejected_with_the_value() {
        assertThatThrownBy(() -> new LimitedClassifier(new GatedClassifier(), 0))
                .hasMessage("max_concurrency was 0; expected at least 1");
    }
}
