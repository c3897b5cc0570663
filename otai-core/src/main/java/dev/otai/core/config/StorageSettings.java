package dev.otai.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * {@code infrastructure.storage}: where the embedded store lives and how much it keeps.
 *
 * @param dataDirectory    the folder holding the H2 database, as written ({@code otai-data} by default); a relative
 *                         folder is resolved against the working directory by whoever opens the store
 * @param maxAge           runs older than this are pruned (30 days by default)
 * @param maxRuns          at most this many runs are kept, the newest (100,000 by default)
 * @param maxValueChars    a step's stored params or data longer than this (as JSON) are cut (16 KiB by default)
 * @param maxStepsPerRun   steps recorded per run; later steps are counted, not stored (2,000 by default)
 * @param ledger           the effect ledger's caps
 */
public record StorageSettings(Path dataDirectory, Duration maxAge, long maxRuns, int maxValueChars, int maxStepsPerRun,
                              LedgerSettings ledger) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("otai-data");

    public StorageSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(ledger, "ledger");
    }

    public static StorageSettings defaults() {
        return new StorageSettings(DEFAULT_DATA_DIRECTORY, Duration.ofDays(30), 100_000, 16 * 1024, 2_000,
                LedgerSettings.defaults());
    }

    public StorageSettings withDataDirectory(Path directory) {
        return new StorageSettings(directory, maxAge, maxRuns, maxValueChars, maxStepsPerRun, ledger);
    }

    /**
     * {@code infrastructure.storage.ledger}.
     *
     * @param enabled          whether writes are recorded and deduplicated at all
     * @param maxWritesPerRun  a run that tries more writes than this has the rest refused (1,000 by default)
     * @param maxWritesPerTicket writes to one ticket within {@code window} beyond this are refused (20 by default)
     * @param window           the period the per-ticket cap counts over (1 hour by default)
     * @param alwaysWrite      ids of steps whose writes are never skipped as duplicates (still recorded and capped)
     */
    public record LedgerSettings(boolean enabled, int maxWritesPerRun, int maxWritesPerTicket, Duration window,
                                 Set<String> alwaysWrite) {

        public LedgerSettings {
            alwaysWrite = Set.copyOf(alwaysWrite);
        }

        public static LedgerSettings defaults() {
            return new LedgerSettings(true, 1_000, 20, Duration.ofHours(1), Set.of());
        }
    }
}
