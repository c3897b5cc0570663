package dev.otai.bench;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pipes for the harnesses, as plugin {@code bench}: {@code bench:CaptureContext} keeps the context it runs with
 * (the results of every step before it) in the engine's {@link Capture} facility, so that micro-benchmarks
 * render templates against the context of a real run.
 */
public final class BenchPlugin implements Plugin {

    /** Where {@code bench:CaptureContext} leaves the last context it saw. */
    static final class Capture {
        private final AtomicReference<PipeContext> last = new AtomicReference<>();

        PipeContext last() {
            PipeContext context = last.get();
            if (context == null) {
                throw new IllegalStateException("bench:CaptureContext has not run; did the run stop before it?");
            }
            return context;
        }
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public List<PipeType> pipes() {
        return List.of(PipeType.of("CaptureContext", "Keeps the context it runs with, for benchmarks.", List.of(),
                Map.of(), false, setup -> {
                    Capture capture = setup.facility(Capture.class);
                    return (context, params) -> {
                        capture.last.set(context);
                        return PipeResult.success();
                    };
                }));
    }
}
