package dev.otai.store;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For crash tests only: halts the process ({@link Runtime#halt}, no shutdown hooks, no flush: as SIGKILL does) the
 * n-th time the engine passes a named point. Read from the system property {@code otai.test.fault} or, when that
 * is not set, the environment variable {@code OTAI_TEST_FAULT}, as {@code <point>@<n>}; unset in production, where
 * every {@link #at} is a comparison with null. Points: {@code after-intent} (a write's intent is on disk, the
 * helpdesk not yet called), {@code after-call} (the helpdesk answered, the write not yet settled),
 * {@code after-settle} (settled in the queue, not yet on disk) and {@code after-step} (a step's result was queued
 * for the journal).
 */
public final class TestFault {

    public static final String PROPERTY = "otai.test.fault";
    public static final String VARIABLE = "OTAI_TEST_FAULT";
    /** The exit code of a halted process, as a shell reports a SIGKILL. */
    public static final int EXIT_CODE = 137;

    private final String point;
    private final int occurrence;
    private final AtomicInteger passed = new AtomicInteger();

    private TestFault(String point, int occurrence) {
        this.point = point;
        this.occurrence = occurrence;
    }

    /** The fault the process was started with, or none. */
    public static TestFault fromEnvironment() {
        String spec = Objects.requireNonNullElse(System.getProperty(PROPERTY), Objects.requireNonNullElse(System.getenv(VARIABLE), ""));
        return parse(spec.strip());
    }

    static TestFault parse(String spec) {
        if (spec.isEmpty()) {
            return new TestFault(null, 0);
        }
        int at = spec.lastIndexOf('@');
        try {
            if (at > 0) {
                int n = Integer.parseInt(spec.substring(at + 1));
                if (n >= 1) {
                    return new TestFault(spec.substring(0, at), n);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PROPERTY + " (or " + VARIABLE + ") was \"" + spec
                + "\"; expected <point>@<n>, such as after-intent@3 (a test-only fault switch)");
    }

    /** Halts the process when this is the configured point's n-th pass. */
    public void at(String name) {
        if (point != null && point.equals(name) && passed.incrementAndGet() == occurrence) {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
