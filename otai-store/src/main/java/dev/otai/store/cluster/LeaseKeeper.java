package dev.otai.store.cluster;

import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this node's runner leases in a clustered store ({@link LeaseTable}), and answers from them which runners the
 * engine may run. Every third of the lease it renews its leases, beats its node's heart, and takes free or expired
 * leases (each with the next epoch) up to its fair share: ceil(runners / live nodes), so that the runners spread;
 * above its share (a node joined) it hands idle runners back. A lease counts here only until the start of the
 * renewal that last succeeded plus the lease minus a margin, on the monotonic clock: a node frozen past its lease
 * (a GC pause, SIGSTOP) knows it lost its runners the moment it wakes, before any write, while the database's
 * clock ({@code now()}) alone decides when another node may take them. {@link #close()} hands every lease back;
 * call it once the engine's runs have ended.
 */
public final class LeaseKeeper implements RunnerOwnership, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final LeaseTable table;
    private final String node;
    private final Duration lease;
    private final long validNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Held> held = new LinkedHashMap<>(); // guarded by this
    private final AtomicLong lost = new AtomicLong();
    private final ReentrantLock waiting = new ReentrantLock();
    private final Condition wake = waiting.newCondition();
    private volatile LeaseRoster roster = LeaseRoster.NONE;
    private volatile boolean closed;
    private volatile boolean failing;
    private Thread renewer;

    /** A lease this node holds; {@code releasing}: above its share, handed back once the runner is idle. */
    private record Held(long epoch, long validUntil, boolean releasing) {
    }

    /**
     * A keeper for {@code node} with leases of {@code lease} in {@code store} (PostgreSQL); {@code nanoTime} is the
     * monotonic clock ({@code System::nanoTime}; tests pass their own).
     */
    public LeaseKeeper(Store store, String node, Duration lease, LongSupplier nanoTime) {
        if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("infrastructure.storage.lease was " + lease + "; expected at least 2s");
        }
        this.table = new LeaseTable(store, node, lease);
        this.node = node;
        this.lease = lease;
        this.validNanos = lease.minus(margin(lease)).toNanos();
        this.nanoTime = nanoTime;
    }

    /** How much sooner than the database a lease ends here: a fifth of it, so clocks that drift apart stay safe. */
    static Duration margin(Duration lease) {
        return lease.dividedBy(5);
    }

    /** This node's name, as the lease table and {@code /health} show it. */
    public String node() {
        return node;
    }

    public Duration lease() {
        return lease;
    }

    /** Serves the runners of {@code roster} from the next round on. */
    public void serve(LeaseRoster roster) {
        this.roster = roster;
    }

    /**
     * Runs the first round now (this node takes its share, so that {@code otai run --once} runs it), then renews in
     * the background, a round every third of the lease.
     */
    public synchronized void start() {
        if (renewer == null) {
            round();
            renewer = Thread.ofPlatform().daemon().name("otai-lease-keeper").start(this::renewForever);
        }
    }

    @Override
    public boolean owns(String runnerId) {
        Held lease = valid(runnerId);
        return lease != null && !lease.releasing();
    }

    @Override
    public long epoch(String runnerId) {
        Held lease = valid(runnerId);
        return lease == null ? 0 : lease.epoch();
    }

    private synchronized Held valid(String runnerId) {
        Held lease = held.get(runnerId);
        return lease != null && nanoTime.getAsLong() - lease.validUntil() < 0 ? lease : null;
    }

    /** The runners this node may run now, in config order. */
    public List<String> owned() {
        return roster.runnerIds().stream().filter(this::owns).toList();
    }

    /** How many leases this node lost (not renewed in time) since it started. */
    public long leasesLost() {
        return lost.get();
    }

    /**
     * One round: renews what this node holds, beats its heart, hands back what is above its share and idle, and
     * takes free leases up to its share. The database's answers decide; this node's view follows them.
     */
    public void tick() {
        long began = nanoTime.getAsLong();
        LeaseRoster serving = roster;
        if (closed) {
            return;
        }
        List<String> runners = serving.runnerIds();
        Map<String, Long> mine;
        Map<String, Boolean> releasing = new LinkedHashMap<>();
        synchronized (this) {
            mine = new LinkedHashMap<>();
            for (var it = held.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (began - entry.getValue().validUntil() >= 0) {
                    it.remove(); // lapsed here: lost, even where the database still shows it (taken again, epoch + 1)
                    lose(entry.getKey(), entry.getValue().epoch(), "this node stalled past it");
                } else {
                    mine.put(entry.getKey(), entry.getValue().epoch());
                    releasing.put(entry.getKey(), entry.getValue().releasing());
                }
            }
        }
        List<String> handBack = releasing.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .filter(serving::idle).toList();
        LeaseTable.Round round = table.round(mine, handBack, runners, serving.stopping() ? 0 : Integer.MAX_VALUE);
        failing = false;
        long validUntil = began + validNanos;
        var gained = new ArrayList<Runnable>();
        synchronized (this) {
            for (String id : mine.keySet()) {
                if (handBack.contains(id)) {
                    held.remove(id);
                    log.info("Runner '{}' handed over: this node ('{}') holds more than its share of the runners", id, node);
                } else if (round.renewed().contains(id)) {
                    held.put(id, new Held(mine.get(id), validUntil, held.get(id).releasing()));
                } else {
                    held.remove(id);
                    lose(id, mine.get(id), "it was not renewed in time");
                }
            }
        }
        for (Map.Entry<String, Long> taken : round.acquired().entrySet()) {
            Runnable resume = serving.gaining(taken.getKey());
            synchronized (this) {
                held.put(taken.getKey(), new Held(taken.getValue(), validUntil, false));
            }
            log.info("Runner '{}' is now run by this node ('{}'), lease epoch {}", taken.getKey(), node, taken.getValue());
            gained.add(resume);
        }
        markExcess(runners, round.share());
        gained.forEach(resume -> Thread.ofVirtual().name("otai-resume").start(resume));
    }

    private void lose(String runnerId, long epoch, String why) {
        lost.incrementAndGet();
        log.warn("Runner '{}': this node ('{}') lost its lease (epoch {}, {}): {}; runs in flight here write nothing "
                + "more, and the node that holds the lease next resumes them", runnerId, node, epoch, lease, why);
    }

    /**
     * Above its share, this node marks its last runners (config order) to hand back once they are idle; and those a
     * reload removed from the config.
     */
    private synchronized void markExcess(List<String> runners, int share) {
        held.replaceAll((id, h) -> runners.contains(id) ? h : new Held(h.epoch(), h.validUntil(), true));
        List<String> keeping = runners.stream().filter(id -> held.containsKey(id) && !held.get(id).releasing()).toList();
        for (int i = share; i < keeping.size(); i++) {
            String id = keeping.get(i);
            Held h = held.get(id);
            held.put(id, new Held(h.epoch(), h.validUntil(), true));
        }
    }

    /** One round, its failure said once at WARN until a round succeeds again. */
    private void round() {
        try {
            tick();
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Node '{}' could not renew its runner leases: {}; it runs none once they run out, and "
                        + "tries again every {} ms", node, e.getMessage(), lease.toMillis() / 3);
            }
            failing = true;
        }
    }

    private void renewForever() {
        while (!closed) {
            waiting.lock();
            try {
                if (!closed) {
                    wake.awaitNanos(lease.dividedBy(3).toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                waiting.unlock();
            }
            if (!closed) {
                round();
            }
        }
    }

    /** Stops renewing, and hands every lease back at once (the engine's runs have ended) so others take them now. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        waiting.lock();
        try {
            wake.signalAll();
        } finally {
            waiting.unlock();
        }
        Thread thread;
        synchronized (this) {
            thread = renewer;
        }
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Long> mine = new LinkedHashMap<>();
        synchronized (this) {
            held.forEach((id, h) -> mine.put(id, h.epoch()));
            held.clear();
        }
        try {
            table.leave(mine);
            if (!mine.isEmpty()) {
                log.info("Node '{}' handed over its runners {}", node, mine.keySet());
            }
        } catch (RuntimeException e) {
            log.warn("Node '{}' could not hand over its runners ({}); other nodes take them when the leases run out",
                    node, e.getMessage());
        }
    }
}
