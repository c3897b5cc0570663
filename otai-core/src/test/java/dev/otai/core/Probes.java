package dev.otai.core;

import dev.otai.api.Param;
import dev.otai.api.Pipe;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test pipes that report what happened to them, given to the engine as a facility: {@code probe:Count} counts
 * runs and concurrent runs per id and, with {@code gated: true}, waits for a permit from the test;
 * {@code probe:Deaf} is a gated count that ignores interrupts; {@code probe:Throw} throws; {@code probe:Hang} blocks
 * until interrupted; {@code probe:Login} takes a username and a password and succeeds.
 */
public final class Probes {

    public final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> maxActive = new ConcurrentHashMap<>();
    public final Map<String, Semaphore> gates = new ConcurrentHashMap<>();
    public final AtomicInteger interrupted = new AtomicInteger();

    public int runs(String id) {
        return runs.getOrDefault(id, new AtomicInteger()).get();
    }

    public int maxActive(String id) {
        return maxActive.getOrDefault(id, new AtomicInteger()).get();
    }

    public void release(String id, int permits) {
        gate(id).release(permits);
    }

    private Semaphore gate(String id) {
        return gates.computeIfAbsent(id, k -> new Semaphore(0));
    }

    PipeResult count(String id, boolean gated, boolean deaf) throws InterruptedException {
        int now = active.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        maxActive.computeIfAbsent(id, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            if (deaf) {
                gate(id).acquireUninterruptibly();
            } else if (gated) {
                gate(id).acquire();
            }
            runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            return PipeResult.success(Map.of("value", id));
        } finally {
            active.get(id).decrementAndGet();
        }
    }

    PipeResult hang() {
        try {
            new CountDownLatch(1).await();
            return PipeResult.success();
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            Thread.currentThread().interrupt();
            return PipeResult.failed("interrupted");
        }
    }

    /** The {@code probe} plugin, registered for tests in META-INF/services. */
    public static final class ProbePlugin implements Plugin {
        @Override
        public String name() {
            return "probe";
        }

        private static final Param<Boolean> GATED = Param.bool("gated").defaultsTo(false);

        @Override
        public List<PipeType> pipes() {
            return List.of(
                    PipeType.of("Count", "counts runs", List.of(GATED), Map.of(), false,
                            setup -> {
                                Probes probes = setup.facility(Probes.class);
                                String id = setup.id();
                                return (Pipe) (context, params) -> probes.count(id, params.get(GATED), false);
                            }),
                    PipeType.of("Deaf", "like a gated Count, but deaf to interrupts: only a permit ends it", List.of(),
                            Map.of(), false,
                            setup -> {
                                Probes probes = setup.facility(Probes.class);
                                String id = setup.id();
                                return (Pipe) (context, params) -> probes.count(id, true, true);
                            }),
                    PipeType.of("Throw", "throws", List.of(), Map.of(), false,
                            setup -> (context, params) -> {
                                throw new IllegalStateException("probe failure");
                            }),
                    PipeType.of("Hang", "blocks until interrupted", List.of(), Map.of(), false,
                            setup -> {
                                Probes probes = setup.facility(Probes.class);
                                return (context, params) -> probes.hang();
                            }),
                    PipeType.of("Login", "takes a username and a password, as a helpdesk client does, and succeeds",
                            List.of(Param.string("username"), Param.string("password")), Map.of(), false,
                            setup -> (context, params) -> PipeResult.success(Map.of())));
        }
    }
}
