package dev.otai.store.ledger;

import dev.otai.core.orchestration.LeaseLost;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.Sql;
import dev.otai.store.Store;
import dev.otai.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The effect ledger's table. An effect is written as {@code pending}, durably (in the store's redo log), before the
 * helpdesk is called: the one synchronous write, shared with the writers that ask at the same time (group commit),
 * and no round trip to the database (its id is handed out in memory). It is settled
 * afterwards in the store's write-behind batch, so a crash in between, or before the settlement reached the disk,
 * leaves a pending row that the next run checks against the helpdesk before writing again. What a write must know
 * about the ticket's earlier writes (its key's status, its base version, the per-ticket cap) comes from the
 * ticket's {@link TicketEffects}, read from the table once per ticket.
 */
public final class EffectLedger {

    private final Store store;
    private final StorageSettings.LedgerSettings settings;
    private final Redactor redactor;
    static final int SWEEP_EVERY = 256;

    private final Map<String, TicketEffects> held = new ConcurrentHashMap<>();
    private final AtomicLong releases = new AtomicLong();
    private final TicketsWithEffects tickets = new TicketsWithEffects();
    private volatile boolean ticketsMarked;

    /** A ledger whose stored write details pass {@code redactor} (a note body may quote a secret). */
    public EffectLedger(Store store, StorageSettings.LedgerSettings settings, Redactor redactor) {
        this.store = store;
        this.settings = settings;
        this.redactor = redactor;
    }

    StorageSettings.LedgerSettings settings() {
        return settings;
    }

    /**
     * The latest status recorded for {@code key} among pending and applied effects, read from the table (for a
     * write that creates a ticket; a write to a ticket asks its {@link TicketEffects}).
     */
    Optional<String> status(String key) {
        store.flush();
        return store.read(c -> {
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
     * The pending and applied effects of {@code ticketId}, held in memory until every run that asked for them
     * {@link #release released} them; read from the table by the first run that asks, unless the ticket certainly
     * has no rows there ({@link TicketsWithEffects}: the table is then not read at all; not in clustered mode, where
     * another engine may have written rows since). While a run holds a ticket,
     * every write to it in this process goes through the same object, so it answers exactly as the table would.
     */
    TicketEffects hold(String ticketId) {
        TicketEffects effects = held.compute(ticketId, (id, existing) -> {
            TicketEffects e = existing == null ? new TicketEffects() : existing;
            e.holders++;
            return e;
        });
        if (effects.needsLoading()) {
            effects.loaded(store.clustered() || ticketsWithEffects().mayHave(ticketId) ? read(ticketId) : List.of());
        }
        return effects;
    }

    /**
     * The tickets with rows, marked from the table the first time a run holds a ticket (this process is the table's
     * only writer: the store hands out its keys from memory), and from every row recorded since.
     */
    private TicketsWithEffects ticketsWithEffects() {
        if (!ticketsMarked) {
            synchronized (tickets) {
                if (!ticketsMarked) {
                    store.flush();
                    store.read(c -> {
                        try (var s = c.prepareStatement("SELECT DISTINCT ticket_id FROM effects "
                                + "WHERE status IN ('applied', 'pending')"); ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                tickets.mark(r.getString(1));
                            }
                        }
                        return null;
                    });
                    ticketsMarked = true;
                }
            }
        }
        return tickets;
    }

    /**
     * A run is done with {@code ticketId}'s effects; the last one to let go drops them from memory once the store
     * committed their writes to the table (until then the table would answer without them, so they stay, and the
     * next run that holds the ticket gets them from here; every {@value #SWEEP_EVERY} releases those are dropped).
     */
    void release(String ticketId) {
        held.computeIfPresent(ticketId, (id, e) -> --e.holders == 0 && store.applied(e.lastSeq()) ? null : e);
        if (releases.incrementAndGet() % SWEEP_EVERY == 0) {
            for (String id : held.keySet()) {
                held.computeIfPresent(id, (key, e) -> e.holders == 0 && store.applied(e.lastSeq()) ? null : e);
            }
        }
    }

    private List<Object[]> read(String ticketId) {
        return store.readPrepared("SELECT id, idem_key, status, base_version, version_after, created_at FROM effects "
                + "WHERE ticket_id = ? AND status IN ('applied', 'pending') ORDER BY id", s -> {
            s.setString(1, ticketId);
            var out = new ArrayList<Object[]>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getObject(6, OffsetDateTime.class).toInstant()});
                }
            }
            return out;
        });
    }

    /**
     * Records an effect; returns its row id (handed out in memory, so the intent needs no answer from the
     * database). A pending effect survives the process being killed when this returns, with every step result and
     * settlement queued before it (one append to the store's redo log, shared with the writers that ask at the
     * same time); it reaches the table with the store's next batch. {@code detailJson} is the effect's detail as
     * JSON when the caller has it already (stored as is when the detail holds no secret), else null.
     */
    long record(Effect effect, String detailJson, String baseVersion, TicketEffects effects) {
        Instant now = store.clock().instant();
        long id = store.nextKey(Sql.Keys.EFFECTS);
        tickets.mark(effect.ticketId());
        String stored = storedDetail(effect, detailJson);
        Write insert = Write.of(Sql.EFFECT_INSERT, id, effect.key(), effect.runId(), effect.runnerId(), effect.stepId(),
                effect.ticketId(), effect.operation(), stored, effect.status(), now, baseVersion, null, null);
        long seq = effect.status().equals("pending") ? store.durably(insert) : store.later(insert);
        if (effects != null) {
            effects.recorded(id, effect.key(), effect.status(), baseVersion, now, seq);
        }
        return id;
    }

    /**
     * Records a pending effect in a cluster: everything queued before it (the run's steps) is committed first, then
     * the effect is inserted in one statement only while runner lease {@code epoch} is still current and unexpired
     * by the database's clock; throws {@link LeaseLost} when it is not (this node lost the runner: another node may
     * be running it, and nothing may be sent).
     */
    long recordFenced(Effect effect, String detailJson, String baseVersion, TicketEffects effects, long epoch) {
        long seq = store.durably();
        Instant now = store.clock().instant();
        long id = store.nextKey(Sql.Keys.EFFECTS);
        String stored = storedDetail(effect, detailJson);
        int inserted = store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(FENCED_INSERT)) {
                Object[] values = {id, effect.key(), effect.runId(), effect.runnerId(), effect.stepId(), effect.ticketId(),
                    effect.operation(), stored, effect.status(), now.atOffset(ZoneOffset.UTC), baseVersion,
                    effect.runnerId(), epoch};
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        });
        if (inserted == 0) {
            throw new LeaseLost("runner '" + effect.runnerId() + "' run " + effect.runId() + ": " + effect.describe()
                    + " was refused: the runner's lease (epoch " + epoch + ") is no longer this node's in the database; "
                    + "the node that holds it now resumes the run");
        }
        tickets.mark(effect.ticketId());
        if (effects != null) {
            effects.recorded(id, effect.key(), effect.status(), baseVersion, now, seq);
        }
        return id;
    }

    /** The write's detail as the table keeps it: redacted, and {@code detailJson} itself when nothing was redacted. */
    private String storedDetail(Effect effect, String detailJson) {
        Object redacted = redactor.redact((Object) effect.detail());
        return redacted == effect.detail() && detailJson != null ? detailJson : Json.write(redacted);
    }

    private static final String FENCED_INSERT = "INSERT INTO effects (id, idem_key, run_id, runner_id, step_id, ticket_id, "
            + "operation, detail_json, status, created_at, base_version) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
            + "FROM runner_leases WHERE runner_id = ? AND epoch = ? AND expires_at > now()";

    /**
     * Marks an effect applied or failed, with the ticket's version after the write (null when unknown); queued, not
     * waited for: until it is written the effect reads as pending in the table (not in {@code effects}), which costs
     * one read of the ticket after a crash.
     */
    void settle(long id, String status, String versionAfter, TicketEffects effects) {
        long seq = store.later(Write.of(Sql.EFFECT_SETTLE, status, versionAfter, store.clock().instant(), id));
        if (effects != null) {
            effects.settled(id, status, versionAfter, seq);
        }
    }

    /** Writes to a ticket applied or pending within the cap window. */
    int recentWrites(TicketEffects effects) {
        return effects.writesSince(store.clock().instant().minus(settings.window()));
    }

    /** Effects of one run, oldest first (for {@code otai runs show} and dry-run reports). */
    public List<Effect> ofRun(String runId) {
        store.flush();
        return store.read(c -> {
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
}
