package dev.otai.bench;

import dev.otai.api.PipeResult;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.testkit.InMemoryTicketSystem;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One batch of the engine-overhead harness: a fresh engine (fresh in-memory helpdesk) with {@code count}
 * tickets waiting, its orchestrator running, and one event per ticket delivered to the runner's manual trigger,
 * so each run goes through the real dispatch path (queue, virtual thread, MDC, run log line) and handles one
 * ticket. The process CPU time is taken around the runs only; engine start and stop are outside.
 */
final class PipelineBatch {

    static final String TRIGGER_ID = "bench_events";
    static final String TRIGGER = "{ id: " + TRIGGER_ID + ", use: \"base:ManualTrigger\" }";
    /** The runner queues at most 1,000 events while busy (RunnerRuntime.EVENT_QUEUE_LIMIT). */
    static final int MAX_BATCH = 1000;

    record Outcome(long cpuNanos, long wallNanos, int tickets, List<String> problems) {
    }

    private PipelineBatch() {
    }

    /**
     * The same tickets through {@link Engine#runOnce()}: one run per ticket through the runner runtime, fired
     * directly rather than by a trigger, so without the trigger's queue.
     */
    static Outcome runDirect(Blueprint blueprint, int firstId, int count) {
        try (Engine engine = Engine.start(blueprint, DemoConfig.TEMPLATES, InstantSource.system(), new Lifecycle(),
                EngineListener.NONE)) {
            var system = (InMemoryTicketSystem) engine.assembly().services().get(DemoConfig.TICKET_SYSTEM);
            List<String> ids = DemoTickets.seed(system, firstId, count);
            var problems = new ArrayList<String>();
            long cpu = Cpu.processNanos();
            long wall = System.nanoTime();
            for (int i = 0; i < count; i++) {
                PipeResult result = engine.runOnce().getFirst().result();
                if (!result.succeeded() && problems.size() < 5) {
                    problems.add("run " + i + " " + result.outcome() + ": " + result.message());
                }
            }
            cpu = Cpu.processNanos() - cpu;
            wall = System.nanoTime() - wall;
            problems.addAll(DemoTickets.verify(system, ids));
            return new Outcome(cpu, wall, count, problems);
        }
    }

    static Outcome run(Blueprint blueprint, int firstId, int count) throws InterruptedException {
        var finished = new CountDownLatch(count);
        var failures = new ConcurrentLinkedQueue<String>();
        EngineListener listener = event -> {
            if (event instanceof EngineEvent.RunFinished done) {
                if (!(done.result() instanceof PipeResult.Succeeded)) {
                    failures.add("run " + done.runId() + " " + done.result().outcome() + ": " + done.result().message());
                }
                finished.countDown();
            }
        };
        var lifecycle = new Lifecycle();
        try (Engine engine = Engine.start(blueprint, DemoConfig.TEMPLATES, InstantSource.system(), lifecycle, listener)) {
            var system = (InMemoryTicketSystem) engine.assembly().services().get(DemoConfig.TICKET_SYSTEM);
            List<String> ids = DemoTickets.seed(system, firstId, count);
            Thread orchestrator = Thread.ofPlatform().name("orchestrator").start(engine::run);
            while (engine.gateway().orchestrator().isEmpty()) {
                Thread.sleep(1);
            }
            long cpu = Cpu.processNanos();
            long wall = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (!engine.gateway().deliver(TRIGGER_ID, Map.of())) {
                    throw new IllegalStateException("the orchestrator refused event " + i + " for " + TRIGGER_ID);
                }
            }
            boolean done = finished.await(120, TimeUnit.SECONDS);
            cpu = Cpu.processNanos() - cpu;
            wall = System.nanoTime() - wall;
            lifecycle.requestStop();
            orchestrator.join();
            var problems = new ArrayList<String>(failures.stream().limit(5).toList());
            if (!done) {
                problems.add("only " + (count - finished.getCount()) + " of " + count + " runs finished within 120 s");
            }
            problems.addAll(DemoTickets.verify(system, ids));
            return new Outcome(cpu, wall, count, problems);
        }
    }
}
