package dev.otai.store.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pending and applied effects of one ticket, held in memory while runs write to it: read from the table once,
 * when a run first writes the ticket, then kept in step with what the ledger records and settles, so that a
 * write's base version, its key's status and the per-ticket cap are answered without a query. The answers are the
 * ones the table gives once the store's queued settlements are committed. Thread-safe.
 */
final class TicketEffects {

    /** One row of the ledger's table, as the questions below need it. */
    private static final class Row {
        final long id;
        final String key;
        final String baseVersion;
        final Instant created;
        String status;
        String versionAfter;

        Row(long id, String key, String status, String baseVersion, String versionAfter, Instant created) {
            this.id = id;
            this.key = key;
            this.status = status;
            this.baseVersion = baseVersion;
            this.versionAfter = versionAfter;
            this.created = created;
        }
    }

    /** Runs that hold this ticket; changed only inside the holding map's atomic compute. */
    int holders;
    private final List<Row> rows = new ArrayList<>(); // oldest first; only applied and pending ones
    private boolean loaded;
    private long lastSeq; // the store's sequence number of the latest write about these rows

    /** Whether the table's rows still have to be read. */
    synchronized boolean needsLoading() {
        return !loaded;
    }

    /** The rows read from the table ({@code id, key, status, base, after, created}), oldest first; once. */
    synchronized void loaded(List<Object[]> fromTable) {
        if (loaded) {
            return;
        }
        for (Object[] r : fromTable) {
            rows.add(new Row((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (Instant) r[5]));
        }
        loaded = true;
    }

    synchronized void recorded(long id, String key, String status, String baseVersion, Instant created, long seq) {
        lastSeq = Math.max(lastSeq, seq);
        if (status.equals("applied") || status.equals("pending")) {
            rows.add(new Row(id, key, status, baseVersion, null, created));
        }
    }

    synchronized void settled(long id, String status, String versionAfter, long seq) {
        lastSeq = Math.max(lastSeq, seq);
        for (int i = rows.size() - 1; i >= 0; i--) {
            Row row = rows.get(i);
            if (row.id == id) {
                row.status = status;
                row.versionAfter = versionAfter;
                if (!status.equals("applied") && !status.equals("pending")) {
                    rows.remove(i);
                }
                return;
            }
        }
    }

    /** The store's sequence number of the latest write recorded or settled here (0: none). */
    synchronized long lastSeq() {
        return lastSeq;
    }

    /** The latest status recorded for {@code key}. */
    synchronized Optional<String> status(String key) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).key.equals(key)) {
                return Optional.of(rows.get(i).status);
            }
        }
        return Optional.empty();
    }

    /**
     * The version a write's idempotency key uses: when {@code current} is a version our own write produced, the
     * version the ticket had before that chain of writes. When the ticket's latest write is still pending (a
     * crash before it was confirmed), its change is taken as ours too, and the pending write is checked against
     * the ticket before it is repeated. Otherwise {@code current}.
     */
    synchronized String baseVersion(String current) {
        if (rows.isEmpty()) {
            return current;
        }
        Row latest = rows.getLast();
        if (latest.status.equals("pending") || current.equals(latest.versionAfter)) {
            return latest.baseVersion;
        }
        return producedBy(current).map(row -> row.baseVersion).orElse(current);
    }

    /**
     * Whether the ticket at {@code version} can be where the applied write keyed {@code key} left it: that write,
     * or one of ours applied after it, produced the version. A version only an earlier write of ours produced (or
     * none did) is a state before the write: the helpdesk lost it.
     */
    synchronized boolean reachedBy(String key, String version) {
        int first = -1;
        for (int i = rows.size() - 1; i >= 0 && first < 0; i--) {
            if (rows.get(i).key.equals(key) && rows.get(i).status.equals("applied")) {
                first = i;
            }
        }
        for (int i = Math.max(first, 0); i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.status.equals("applied") && version.equals(row.versionAfter)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Row> producedBy(String version) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            Row row = rows.get(i);
            if (row.status.equals("applied") && version.equals(row.versionAfter)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** Writes made at or after {@code since}. */
    synchronized int writesSince(Instant since) {
        int count = 0;
        for (Row row : rows) {
            if (!row.created.isBefore(since)) {
                count++;
            }
        }
        return count;
    }
}
