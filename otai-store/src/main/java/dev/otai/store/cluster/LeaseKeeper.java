package dev.otai.store.cluster;

import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
    private volatile LeaseRoster roster = LeaseRoster.NONE;
    private volatile boolean closed;
    private boolean started; // guarded by this
    private final Rounds rounds;

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
        this.rounds = new Rounds(this::tick, lease.dividedBy(3), node);
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
        if (!started) {
            started = true;
            rounds.runNow();
            rounds.start();
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

    @Override
    public synchronized void refused(String runnerId, long epoch) {
        Held lease = held.get(runnerId);
        if (lease != null && lease.epoch() == epoch) {
            held.remove(runnerId);
            lose(runnerId, epoch, "the database refused a write under it");
        }
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
        if (closed) {
            return;
        }
        long began = nanoTime.getAsLong();
        LeaseRoster serving = roster;
        List<String> runners = serving.runnerIds();
        Map<String, Long> mine = stillValid(began);
        List<String> handBack = idleReleasing(serving);
        LeaseTable.Round round = table.round(mine, handBack, runners, serving.stopping() ? 0 : Integer.MAX_VALUE);
        long validUntil = began + validNanos;
        settle(mine, handBack, round.renewed(), validUntil);
        List<Runnable> resumes = gain(round.acquired(), serving, validUntil);
        markExcess(runners, round.share());
        resumes.forEach(resume -> Thread.ofVirtual().name("otai-resume").start(resume));
    }

    /** The leases still valid here at {@code now}, runner to epoch; those that lapsed (this node stalled) are lost. */
    private synchronized Map<String, Long> stillValid(long now) {
        var mine = new LinkedHashMap<String, Long>();
        for (var it = held.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (now - entry.getValue().validUntil() >= 0) {
                it.remove(); // lost, even where the database still shows it: taken again with the next epoch
                lose(entry.getKey(), entry.getValue().epoch(), "this node stalled past it");
            } else {
                mine.put(entry.getKey(), entry.getValue().epoch());
            }
        }
        return mine;
    }

    /** The runners marked for handing back that have no run in flight or queued. */
    private List<String> idleReleasing(LeaseRoster serving) {
        List<String> releasing;
        synchronized (this) {
            releasing = held.entrySet().stream().filter(e -> e.getValue().releasing()).map(Map.Entry::getKey).toList();
        }
        return releasing.stream().filter(serving::idle).toList();
    }

    /** After the round: renewed leases count until {@code validUntil}, handed back and lost ones no longer. */
    private synchronized void settle(Map<String, Long> mine, List<String> handBack, Set<String> renewed, long validUntil) {
        for (String id : mine.keySet()) {
            if (handBack.contains(id)) {
                held.remove(id);
                log.info("Runner '{}' handed over: this node ('{}') holds more than its share of the runners, or no "
                        + "longer has it in its config", id, node);
            } else if (renewed.contains(id)) {
                held.put(id, new Held(mine.get(id), validUntil, held.get(id).releasing()));
            } else {
                held.remove(id);
                lose(id, mine.get(id), "it was not renewed in time");
            }
        }
    }

    /**
     * Counts the leases taken in the round as held, each once its runner's unfinished runs were read; returns the
     * work that resumes them.
     */
    private List<Runnable> gain(Map<String, Long> acquired, LeaseRoster serving, long validUntil) {
        var resumes = new ArrayList<Runnable>();
        for (Map.Entry<String, Long> taken : acquired.entrySet()) {
            resumes.add(serving.gaining(taken.getKey()));
            synchronized (this) {
                held.put(taken.getKey(), new Held(taken.getValue(), validUntil, false));
            }
            log.info("Runner '{}' is now run by this node ('{}'), lease epoch {}", taken.getKey(), node, taken.getValue());
        }
        return resumes;
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

    /** Stops renewing, and hands every lease back at once (the engine's runs have ended) so others take them now. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rounds.stop();
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
