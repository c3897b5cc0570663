package dev.otai.store.events;

import dev.otai.core.orchestration.EventInbox;
import dev.otai.store.Json;
import dev.otai.store.Store;
import dev.otai.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event inbox of clustered mode, in the {@code trigger_events} table: every node stores the events it accepts,
 * committed before it answers; the owner of a runner claims the runner's events with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} (two claimers never take the same row) and records, in the database, the
 * run that starts each one ({@link StoredEvent}). A commit wakes the other nodes through PostgreSQL's
 * {@code NOTIFY} ({@link Wakeups}); the claimers also look every second. The same SQL runs on H2.
 */
public final class StoredEvents implements EventInbox, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoredEvents.class);
    private static final String UNFINISHED = "SELECT COUNT(*) FROM trigger_events WHERE runner_id = ? "
            + "AND state IN ('pending', 'claimed', 'started')";
    private static final String INSERT = "INSERT INTO trigger_events (trigger_id, runner_id, event_json, received_at, "
            + "received_by, state, delivery_id) VALUES (?, ?, ?, ?, ?, 'pending', ?)";
    private static final String DELIVERED = "SELECT COUNT(*) FROM trigger_events WHERE trigger_id = ? AND delivery_id = ?";
    /** Pending events, and those an earlier holder of the runner claimed or started: an older epoch, or another engine. */
    private static final String CLAIMABLE = "SELECT id, trigger_id, event_json, state, run_id, claimed_by, claim_epoch "
            + "FROM trigger_events WHERE runner_id = ? AND (state = 'pending' OR (state IN ('claimed', 'started') "
            + "AND (claim_epoch < ? OR (claim_epoch = ? AND claimed_by <> ?)))) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String CLAIM = "UPDATE trigger_events SET state = 'claimed', claimed_by = ?, claim_epoch = ?, "
            + "claimed_at = ?, run_id = NULL WHERE id = ?";
    private static final String JOURNAL_KNOWS = "SELECT COUNT(*) FROM journal_runs WHERE runner_id = ? AND run_id = ?";
    private static final String RESUMED = "UPDATE trigger_events SET state = 'resumed', finished_at = ? WHERE id = ?";
    private static final String UNREADABLE = "UPDATE trigger_events SET state = 'unreadable', finished_at = ? WHERE id = ?";

    private final Store store;
    private final String node;
    private final String holder;
    private final Wakeups wakeups;

    /**
     * The inbox of {@code store} for the engine on {@code node}. Its claims are made as {@code node} plus a mark of
     * this engine, so that the same node name started again does not count a claim of its predecessor as its own.
     */
    public StoredEvents(Store store, String node) {
        this.store = store;
        this.node = node;
        this.holder = node + "#" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.wakeups = new Wakeups(store);
    }

    /** The name under which this engine claims events: its node and a mark of this start. */
    public String holder() {
        return holder;
    }

    @Override
    public boolean store(String triggerId, Map<String, Integer> bounds, Map<String, Object> event) {
        String json = Json.write(event);
        String delivery = event.get("delivery") instanceof String id ? deliveryKey(id) : null;
        boolean stored = guarded("cannot store an event of trigger '" + triggerId + "'", () -> store.inTransaction(c -> {
            if (delivery != null && deliveredBefore(c, triggerId, delivery)) {
                log.info("An event of trigger '{}' with a delivery id already stored (by this node or another) is "
                        + "acknowledged and not stored again", triggerId);
                return true;
            }
            for (var bound : bounds.entrySet()) {
                if (unfinished(c, bound.getKey()) >= bound.getValue()) {
                    log.warn("Runner '{}' has {} or more events waiting in the cluster; an event of '{}' was refused "
                            + "(503, the sender retries)", bound.getKey(), bound.getValue(), triggerId);
                    return false;
                }
            }
            Timestamp now = Timestamp.from(store.clock().instant());
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (String runnerId : bounds.keySet()) {
                    s.setString(1, triggerId);
                    s.setString(2, runnerId);
                    s.setString(3, json);
                    s.setTimestamp(4, now);
                    s.setString(5, node);
                    s.setString(6, delivery);
                    s.addBatch();
                }
                s.executeBatch();
            }
            wakeups.notifyOthers(c);
            return true;
        }));
        if (stored) {
            wakeups.wakeHere();
        }
        return stored;
    }

    /**
     * The stored form of a sender's delivery id: its SHA-256 in hex, so that an id of any length and content fits the
     * column and its unique index (which settles two nodes storing the same delivery at once: the second one's commit
     * fails, it answers 503, and the sender's retry finds the first).
     */
    static String deliveryKey(String deliveryId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(deliveryId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    private static boolean deliveredBefore(Connection c, String triggerId, String delivery) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELIVERED)) {
            s.setString(1, triggerId);
            s.setString(2, delivery);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }

    private static int unfinished(Connection c, String runnerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UNFINISHED)) {
            s.setString(1, runnerId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Override
    public List<Claimed> claim(String runnerId, long epoch, int room) {
        return guarded("cannot claim the events of runner '" + runnerId + "'", () -> store.inTransaction(c -> {
            var claimed = new ArrayList<Claimed>();
            Timestamp now = Timestamp.from(store.clock().instant());
            for (Candidate candidate : candidates(c, runnerId, epoch, room)) {
                if (candidate.startedBefore() && journalKnows(c, runnerId, candidate.runId())) {
                    log.info("Runner '{}': event {} was started by {} as run {}, which the run journal resumes; it is "
                            + "not run again", runnerId, candidate.id(), candidate.claimedBy(), candidate.runId());
                    update(c, RESUMED, s -> {
                        s.setTimestamp(1, now);
                        s.setLong(2, candidate.id());
                    });
                    continue;
                }
                Map<String, Object> event;
                try {
                    event = Json.readMap(candidate.eventJson());
                } catch (IllegalArgumentException e) {
                    log.error("Runner '{}': event {} cannot be read back ({}); it is set aside as unreadable and not run",
                            runnerId, candidate.id(), e.getMessage());
                    update(c, UNREADABLE, s -> {
                        s.setTimestamp(1, now);
                        s.setLong(2, candidate.id());
                    });
                    continue;
                }
                if (!candidate.state().equals("pending")) {
                    log.info("Runner '{}': event {} that {} {} under epoch {} and did not run is claimed again under epoch {}",
                            runnerId, candidate.id(), candidate.claimedBy(), candidate.state(), candidate.epoch(), epoch);
                }
                update(c, CLAIM, s -> {
                    s.setString(1, holder);
                    s.setLong(2, epoch);
                    s.setTimestamp(3, now);
                    s.setLong(4, candidate.id());
                });
                claimed.add(new StoredEvent(store, holder, candidate.id(), runnerId, candidate.triggerId(),
                        event, epoch));
            }
            return claimed;
        }));
    }

    /** A row {@link #CLAIMABLE} found. */
    private record Candidate(long id, String triggerId, String eventJson, String state, String runId, String claimedBy,
                             long epoch) {
        boolean startedBefore() {
            return state.equals("started") && runId != null;
        }
    }

    private List<Candidate> candidates(Connection c, String runnerId, long epoch, int room) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLAIMABLE)) {
            s.setString(1, runnerId);
            s.setLong(2, epoch);
            s.setLong(3, epoch);
            s.setString(4, holder);
            s.setInt(5, room);
            var found = new ArrayList<Candidate>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Candidate(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getLong(7)));
                }
            }
            return found;
        }
    }

    private static boolean journalKnows(Connection c, String runnerId, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(JOURNAL_KNOWS)) {
            s.setString(1, runnerId);
            s.setString(2, runId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }

    @Override
    public void awaitStored(Duration atMost) throws InterruptedException {
        wakeups.await(atMost);
    }

    @Override
    public void close() {
        wakeups.close();
    }

    /** Parameters of one statement. */
    @FunctionalInterface
    interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    static int update(Connection c, String sql, Binding binding) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binding.bind(s);
            return s.executeUpdate();
        }
    }

    /** Runs {@code work}, turning a database error into {@link Unreachable} ({@code what} and the database's reason). */
    static <T> T guarded(String what, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw new Unreachable(what + ": " + e.getMessage(), e);
        }
    }
}
