package dev.otai.core.orchestration;

/**
 * A write refused, or a run ended, because this engine no longer holds the runner's lease: another node of the
 * cluster owns the runner now (this one stalled past its lease, or lost the database), and resumes the run. The
 * run ends at once with a "lease lost" outcome and is not retried here.
 */
public final class LeaseLost extends RuntimeException {

    public LeaseLost(String message) {
        super(message, null, false, false);
    }

    /** Whether {@code cause}, or one of its causes, is a lost lease. */
    public static boolean in(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LeaseLost) {
                return true;
            }
        }
        return false;
    }
}
