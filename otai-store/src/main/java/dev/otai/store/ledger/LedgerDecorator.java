package dev.otai.store.ledger;

import dev.otai.api.RunInfo;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.core.assembly.ServiceDecorator;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.core.orchestration.StepEvent;
import dev.otai.core.orchestration.StepListener;
import dev.otai.store.TestFault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every ticket system the engine injects so its writes go through the effect ledger, and keeps track of
 * which step of which run is executing on each thread (the ledger's key needs the runner and step).
 */
public final class LedgerDecorator implements ServiceDecorator {

    private static final Logger log = LoggerFactory.getLogger(LedgerDecorator.class);

    private final EffectLedger ledger;
    private final boolean dryRun;
    private final TestFault fault;
    private final WriteFence fence;
    private final ThreadLocal<ArrayDeque<Step>> current = ThreadLocal.withInitial(ArrayDeque::new);
    private final Map<String, RunCounts> runs = new ConcurrentHashMap<>();
    private final List<Effect> planned = Collections.synchronizedList(new ArrayList<>());

    /** The step executing on a thread. */
    record Step(RunInfo run, String stepId) {
    }

    /**
     * What the ledger keeps for one run while it executes: writes done and skipped, and the tickets as this run
     * last saw them (fetched, or as the answer to its own write left them), so a write's key needs no extra read;
     * the tickets found back at a state before our writes (restored), whose later writes this run makes again; and
     * the ledger's view of each ticket this run writes, held until the run ends; whether the run was told it hit the
     * per-run cap.
     */
    record RunCounts(AtomicInteger writes, AtomicInteger skipped, Map<String, SeenTicket> seen, Set<String> restored,
                     Map<String, TicketEffects> held, AtomicBoolean capReported) {
    }

    /**
     * A ticket's version as a run last saw it; {@code fetched} is the ticket as read when no write of this run has
     * changed it since, null otherwise.
     */
    record SeenTicket(String version, Ticket fetched) {
    }

    public LedgerDecorator(EffectLedger ledger, boolean dryRun) {
        this(ledger, dryRun, TestFault.fromEnvironment());
    }

    /** With a crash tests' fault switch (see {@link TestFault}). */
    public LedgerDecorator(EffectLedger ledger, boolean dryRun, TestFault fault) {
        this(ledger, dryRun, fault, RunnerOwnership.ALONE);
    }

    /**
     * In a cluster: every write of a run is also refused once this node no longer holds the run's runner under the
     * lease epoch the run started with, with or without the ledger (see {@link WriteFence}).
     */
    public LedgerDecorator(EffectLedger ledger, boolean dryRun, TestFault fault, RunnerOwnership ownership) {
        this.ledger = ledger;
        this.dryRun = dryRun;
        this.fault = fault;
        this.fence = new WriteFence(ownership);
    }

    TestFault fault() {
        return fault;
    }

    @Override
    public Object decorate(String serviceId, Object service) {
        if (service instanceof TicketSystem tickets && (dryRun || ledger.settings().enabled())) {
            return new LedgerTicketSystem(tickets, serviceId, this);
        }
        if (service instanceof TicketSystem tickets && fence.clustered()) {
            return new FencedTicketSystem(tickets, this);
        }
        return service;
    }

    /** The step listener that tells this decorator which step runs on which thread. */
    public StepListener steps() {
        return new StepListener() {
            @Override
            public void started(RunInfo run, String pipeId, String use) {
                current.get().push(new Step(run, pipeId));
            }

            @Override
            public void finished(StepEvent step) {
                current.get().poll();
            }
        };
    }

    /** When a run ends: lets go of the tickets it held, and logs its skipped duplicates once. */
    public void on(EngineEvent event) {
        fence.on(event);
        if (event instanceof EngineEvent.RunFinished finished) {
            RunCounts counts = runs.remove(finished.runId());
            if (counts != null) {
                counts.held().keySet().forEach(ledger::release);
            }
            if (counts != null && counts.skipped().get() > 0) {
                log.info("Run {} of runner '{}': {} writes skipped because they were already applied, {} written",
                        finished.runId(), finished.runnerId(), counts.skipped().get(), counts.writes().get());
            }
        }
    }

    Optional<Step> step() {
        return Optional.ofNullable(current.get().peek());
    }

    WriteFence fence() {
        return fence;
    }

    boolean dryRun() {
        return dryRun;
    }

    EffectLedger ledger() {
        return ledger;
    }

    RunCounts counts(String runId) {
        return runs.computeIfAbsent(runId, id -> new RunCounts(new AtomicInteger(), new AtomicInteger(), new ConcurrentHashMap<>(),
                ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>(), new AtomicBoolean()));
    }

    void planned(Effect effect) {
        planned.add(effect);
    }

    public List<Effect> planned() {
        synchronized (planned) {
            return List.copyOf(planned);
        }
    }
}
