package dev.otai.core.classify;

import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classification;
import dev.otai.api.classify.Classifier;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test plugin {@code slow}: {@code slow:GatedClassifier} blocks every classification until the test opens the
 * {@link Gate} it gets as an engine facility.
 */
public final class SlowClassifierPlugin implements Plugin {

    /** Opened by the test; counts classifications that started. */
    public record Gate(CountDownLatch open, CountDownLatch started) {
        public Gate() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    @Override
    public String name() {
        return "slow";
    }

    @Override
    public List<ServiceType> services() {
        return List.of(ServiceType.of("GatedClassifier", "Blocks until the test opens its gate.", Classifier.class,
                List.of(), setup -> {
                    Gate gate = setup.facility(Gate.class);
                    return (Classifier) request -> {
                        gate.started().countDown();
                        if (!gate.open().await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never opened the gate");
                        }
                        return new Classification("IT", 0.9, null);
                    };
                }));
    }
}
