package dev.otai.testkit.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;

/**
 * The faults a fake server injects, decided per call by its 1-based call number: one-shot faults queued with
 * {@link #next} first, then the first {@link #every} rule whose period divides the call number, then the
 * {@link #randomly} rules. Thread-safe.
 */
public final class Faults {

    private record Rule(int period, Fault fault) {
    }

    private record Chance(double probability, Fault fault, SplittableRandom random) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Chance> chances = new ArrayList<>();
    private final Queue<Fault> upcoming = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;

    /** Every {@code period}-th call (period, 2·period, …) gets {@code fault}. */
    public synchronized Faults every(int period, Fault fault) {
        if (period < 1) {
            throw new IllegalArgumentException("period was " + period + "; expected at least 1");
        }
        rules.add(new Rule(period, fault));
        return this;
    }

    /**
     * Each call gets {@code fault} with {@code probability}, drawn from a random sequence seeded with {@code seed}.
     * Unlike {@link #every}, concurrent callers whose retries fall into step with a period cannot meet the same
     * fault on every attempt.
     */
    public synchronized Faults randomly(long seed, double probability, Fault fault) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability was " + probability + "; expected a number between 0 and 1");
        }
        chances.add(new Chance(probability, fault, new SplittableRandom(seed)));
        return this;
    }

    /** The next calls get these faults, one each, in order. */
    public synchronized Faults next(Fault... faults) {
        upcoming.addAll(List.of(faults));
        return this;
    }

    /** Every answer is delayed by this much. */
    public Faults latency(Duration delay) {
        this.latency = delay;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    public synchronized Faults clear() {
        rules.clear();
        chances.clear();
        upcoming.clear();
        latency = Duration.ZERO;
        return this;
    }

    synchronized Fault decide(long callNumber) {
        Fault queued = upcoming.poll();
        if (queued != null) {
            return queued;
        }
        for (Rule rule : rules) {
            if (callNumber % rule.period() == 0) {
                return rule.fault();
            }
        }
        for (Chance chance : chances) {
            if (chance.random().nextDouble() < chance.probability()) {
                return chance.fault();
            }
        }
        return null;
    }
}
