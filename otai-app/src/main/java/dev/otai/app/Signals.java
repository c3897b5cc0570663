package dev.otai.app;

import dev.otai.core.orchestration.Lifecycle;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT ask the engine to stop cleanly (so the process exits 0 after draining); a second signal
 * exits at once.
 */
final class Signals {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void install(Lifecycle lifecycle) {
        var received = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (received.incrementAndGet() == 1) {
                    log.info("SIG{} received: stopping (in-flight runs may finish; send it again to exit at once)", signal.getName());
                    Thread.ofVirtual().start(lifecycle::requestStop);
                } else {
                    log.warn("SIG{} received again: exiting now", signal.getName());
                    Runtime.getRuntime().halt(130);
                }
            });
        }
    }
}
