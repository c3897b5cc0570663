package dev.otai.console;

import dev.otai.store.ledger.Effect;
import java.util.List;

/**
 * Runs one runner once without sending any write, as {@code otai run --dry-run} does, beside the running engine;
 * returns the writes it would have made. Blocking; the console calls it off the request thread.
 */
@FunctionalInterface
public interface DryRunner {

    /** The planned writes; throws with a message a person can act on when the run cannot be made. */
    List<Effect> dryRun(String runnerId) throws Exception;

    DryRunner UNAVAILABLE = runnerId -> {
        throw new IllegalStateException("dry runs are not available in this engine");
    };
}
