package dev.otai.core.template;

import java.time.Duration;

/**
 * What one render may cost. A render that goes past any limit stops at once and fails with the limit named.
 *
 * @param maxOutputChars    the longest text a render may produce, and the longest string it may build on the way
 * @param maxLoopIterations the loop iterations a render may run in all (nested loops count each inner pass), plus
 *                          the elements that {@code range} and list filters produce or walk through
 * @param maxRenderTime     how long one render may take
 */
public record TemplateLimits(int maxOutputChars, int maxLoopIterations, Duration maxRenderTime) {

    /** 1,000,000 characters, 100,000 iterations, 1 second. */
    public static final TemplateLimits DEFAULTS = new TemplateLimits(1_000_000, 100_000, Duration.ofSeconds(1));

    public TemplateLimits {
        if (maxOutputChars < 1) {
            throw new IllegalArgumentException("maxOutputChars was " + maxOutputChars + "; expected at least 1");
        }
        if (maxLoopIterations < 1) {
            throw new IllegalArgumentException("maxLoopIterations was " + maxLoopIterations + "; expected at least 1");
        }
        if (maxRenderTime == null || maxRenderTime.isNegative() || maxRenderTime.isZero()) {
            throw new IllegalArgumentException("maxRenderTime was " + maxRenderTime + "; expected a positive duration");
        }
    }
}
