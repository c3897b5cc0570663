package dev.otai.store.ledger;

import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The effect ledger's table. An effect is written as {@code pending} in its own committed transaction, on disk
 * (group commit), before the helpdesk is called, and settled afterwards in the store's write-behind batch, so a
 * crash in between, or before the settlement reached the disk, leaves a pending row that the next run checks
 * against the helpdesk before writing again.
 */
public final class EffectLedger {

    private final Store store;
    private final StorageSettings.LedgerSettings settings;
    private final Redactor redactor;

    /** A ledger whose stored write details pass {@code redactor} (a note body may quote a secret). */
    public EffectLedger(Store store, StorageSettings.LedgerSettings settings, Redactor redactor) {
        this.store = store;
        this.settings = settings;
        this.redactor = redactor;
    }

    StorageSettings.LedgerSettings settings() {
        return settings;
    }

    /** The latest status recorded for {@code key} among pending and applied effects. */
    Optional<String> status(String key) {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT status FROM effects WHERE idem_key = ? "
                    + "AND status IN ('applied', 'pending') ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, key);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The version the idempotency key uses: when {@code current} is a version our own write produced, the
     * version the ticket had before that chain of writes. When the ticket's latest write is still pending (a
     * crash before it was confirmed), its change is taken as ours too, and the pending write is checked against
     * the ticket before it is repeated. Otherwise {@code current}.
     */
    String baseVersion(String ticketId, String current) {
        return store.inTransaction(c -> {
            // the ticket's latest write first, in one statement: its settlement may be committed by the store's
            // writer at any moment, and either way (pending, or applied at this version) the chain's base is its base
            try (PreparedStatement s = c.prepareStatement("SELECT status, base_version, version_after FROM effects "
                    + "WHERE ticket_id = ? AND status IN ('applied', 'pending') ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, ticketId);
                try (ResultSet rows = s.executeQuery()) {
                    if (rows.next() && (rows.getString(1).equals("pending") || current.equals(rows.getString(3)))) {
                        return rows.getString(2);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT base_version FROM effects WHERE ticket_id = ? "
                    + "AND version_after = ? AND status = 'applied' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, ticketId);
                s.setString(2, current);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? rows.getString(1) : current;
                }
            }
        });
    }

    /** Whether one of our applied writes left {@code ticketId} at {@code version}. */
    boolean produced(String ticketId, String version) {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM effects WHERE ticket_id = ? AND version_after = ? "
                    + "AND status = 'applied' FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, ticketId);
                s.setString(2, version);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /**
     * Records an effect; returns its row id. A pending effect is on disk when this returns, with every step result
     * and settlement queued before it.
     */
    long record(Effect effect, String baseVersion) {
        if (effect.status().equals("pending")) {
            return store.durably(c -> insert(c, effect, baseVersion));
        }
        return store.inTransaction(c -> insert(c, effect, baseVersion));
    }

    private long insert(Connection c, Effect e, String baseVersion) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO effects (idem_key, run_id, runner_id, step_id, ticket_id, "
                + "operation, detail_json, status, created_at, base_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, e.key());
            s.setString(2, e.runId());
            s.setString(3, e.runnerId());
            s.setString(4, e.stepId());
            s.setString(5, e.ticketId());
            s.setString(6, e.operation());
            s.setString(7, Json.write(redactor.redact((Object) e.detail())));
            s.setString(8, e.status());
            s.setObject(9, now());
            s.setString(10, baseVersion);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Marks an effect applied or failed, with the ticket's version after the write (null when unknown); queued, not
     * waited for: until it is written the effect reads as pending, which costs one read of the ticket after a crash.
     */
    void settle(long id, String status, String versionAfter) {
        OffsetDateTime now = now();
        store.later(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE effects SET status = ?, version_after = ?, settled_at = ? WHERE id = ?")) {
                s.setString(1, status);
                s.setString(2, versionAfter);
                s.setObject(3, now);
                s.setLong(4, id);
                return s.executeUpdate();
            }
        });
    }

    /** Writes to {@code ticketId} applied or pending within the cap window. */
    int recentWrites(String ticketId) {
        OffsetDateTime since = store.clock().instant().minus(settings.window()).atOffset(ZoneOffset.UTC);
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM effects WHERE ticket_id = ? AND created_at >= ? "
                    + "AND status IN ('applied', 'pending')")) {
                s.setString(1, ticketId);
                s.setObject(2, since);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** Effects of one run, oldest first (for {@code otai runs show} and dry-run reports). */
    public List<Effect> ofRun(String runId) {
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT idem_key, run_id, runner_id, step_id, ticket_id, operation, "
                    + "detail_json, status FROM effects WHERE run_id = ? ORDER BY id")) {
                s.setString(1, runId);
                var out = new ArrayList<Effect>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Effect(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), Json.readMap(r.getString(7)), r.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    private OffsetDateTime now() {
        Instant now = store.clock().instant();
        return now.atOffset(ZoneOffset.UTC);
    }
}
