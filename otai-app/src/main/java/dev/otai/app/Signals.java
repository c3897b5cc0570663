package dev.otai.app;

import dev.otai.core.orchestration.Lifecycle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT ask the engine to stop cleanly (so the process exits 0 after draining); a second signal
 * exits at once with code 130. SIGHUP reloads the config once the engine runs ({@link #onHangup}); before that, and
 * with {@code --once}, it is logged and ignored instead of ending the process. Held for one engine session:
 * closing it puts back the handlers that were there before, so nothing of a finished session answers a later
 * signal.
 */
final class Signals implements AutoCloseable {

    /** The exit code of a second signal: the shell's code for an interrupted command. */
    static final int SECOND_SIGNAL_EXIT_CODE = 130;

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private final Map<Signal, SignalHandler> previous;
    private final AtomicReference<Runnable> hangup;

    private Signals(Map<Signal, SignalHandler> previous, AtomicReference<Runnable> hangup) {
        this.previous = previous;
        this.hangup = hangup;
    }

    /** From now on, SIGHUP runs {@code reload} on a thread of its own. */
    void onHangup(Runnable reload) {
        hangup.set(reload);
    }

    static Signals install(Lifecycle lifecycle) {
        var received = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (received.incrementAndGet() == 1) {
                log.info("SIG{} received: stopping (in-flight runs may finish; send it again to exit at once)", signal.getName());
                Thread.ofVirtual().start(lifecycle::requestStop);
            } else {
                log.warn("SIG{} received again: exiting now with code {}, without waiting for runs in flight",
                        signal.getName(), SECOND_SIGNAL_EXIT_CODE);
                Runtime.getRuntime().halt(SECOND_SIGNAL_EXIT_CODE);
            }
        };
        var previous = new LinkedHashMap<Signal, SignalHandler>();
        for (String name : new String[] {"TERM", "INT"}) {
            var signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, handler));
        }
        var hangup = new AtomicReference<Runnable>();
        try {
            var signal = new Signal("HUP");
            previous.put(signal, Signal.handle(signal, hup -> hangUp(hangup.get())));
        } catch (IllegalArgumentException e) {
            log.debug("SIGHUP is not available here; reload with 'otai trigger --reload' instead");
        }
        return new Signals(previous, hangup);
    }

    private static void hangUp(Runnable reload) {
        if (reload == null) {
            log.warn("SIGHUP received while the engine is not running its triggers (starting, or run with --once); ignored");
            return;
        }
        log.info("SIGHUP received: reloading the config");
        Thread.ofVirtual().name("otai-reload").start(reload);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
