package dev.otai.core.template;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How many numbers {@code range(...)} would yield for its arguments, worked out without making them. */
final class RangeSize {

    private RangeSize() {
    }

    /** The count for {@code range(stop)}, {@code range(start, stop)} or {@code range(start, stop, step)}; 0 when unreadable. */
    static long of(Object... bounds) {
        try {
            BigDecimal start = bounds.length > 1 ? number(bounds[0]) : BigDecimal.ZERO;
            BigDecimal stop = bounds.length > 1 ? number(bounds[1]) : number(bounds[0]);
            BigDecimal step = bounds.length > 2 && bounds[2] != null ? number(bounds[2]) : BigDecimal.ONE;
            if (step.signum() == 0) {
                return 0;
            }
            BigDecimal span = stop.subtract(start);
            if (span.signum() != step.signum()) {
                return 0;
            }
            BigDecimal count = span.divide(step, 0, RoundingMode.CEILING);
            return count.min(BigDecimal.valueOf(Long.MAX_VALUE / 2)).longValue();
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private static BigDecimal number(Object value) {
        return new BigDecimal(value.toString().strip()).setScale(0, RoundingMode.DOWN);
    }
}
