package dev.otai.store.cluster;

import dev.otai.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lease and node tables of a clustered store (PostgreSQL; see V7). Every expiry is computed by the database's
 * clock, {@code now()}: the start of the round's transaction, so one round sees one time. A lease is free when it
 * expired; taking it writes the next epoch. A node counts as alive while its heartbeat is younger than a lease.
 */
final class LeaseTable {

    private static final String PLUS_LEASE = "now() + CAST(? AS BIGINT) * INTERVAL '1 millisecond'";

    private final Store store;
    private final String node;
    private final long leaseMillis;

    /** What one round did: the leases renewed, those taken (with their epochs), and this node's fair share. */
    record Round(Set<String> renewed, Map<String, Long> acquired, int share) {
    }

    LeaseTable(Store store, String node, Duration lease) {
        this.store = store;
        this.node = node;
        this.leaseMillis = lease.toMillis();
    }

    /**
     * In one transaction: beats this node's heart, renews {@code mine} (runner to epoch) where still ours and not
     * expired, hands back {@code handBack}, and takes free leases of {@code runners} up to this node's fair share
     * (at most {@code maxAcquire}).
     */
    Round round(Map<String, Long> mine, List<String> handBack, List<String> runners, int maxAcquire) {
        return store.inTransaction(c -> {
            heartbeat(c);
            Set<String> renewed = renew(c, mine, handBack);
            handBack(c, mine, handBack);
            int live = liveNodes(c);
            int share = runners.isEmpty() ? 0 : (runners.size() + live - 1) / live;
            int want = Math.min(maxAcquire, share - renewed.size());
            var acquired = new LinkedHashMap<String, Long>();
            if (want > 0) {
                Set<String> taken = takenByOthers(c);
                for (String runner : runners) {
                    if (acquired.size() >= want) {
                        break;
                    }
                    if (!renewed.contains(runner) && !handBack.contains(runner) && !taken.contains(runner)) {
                        Long epoch = acquire(c, runner);
                        if (epoch != null) {
                            acquired.put(runner, epoch);
                        }
                    }
                }
            }
            return new Round(renewed, acquired, share);
        });
    }

    private void heartbeat(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cluster_nodes (node, heartbeat_at) VALUES (?, now()) "
                + "ON CONFLICT (node) DO UPDATE SET heartbeat_at = now()")) {
            s.setString(1, node);
            s.executeUpdate();
        }
    }

    private Set<String> renew(Connection c, Map<String, Long> mine, List<String> handBack) throws SQLException {
        var renewed = new HashSet<String>();
        try (PreparedStatement s = c.prepareStatement("UPDATE runner_leases SET expires_at = " + PLUS_LEASE
                + " WHERE runner_id = ? AND node = ? AND epoch = ? AND expires_at > now()")) {
            for (Map.Entry<String, Long> lease : mine.entrySet()) {
                if (handBack.contains(lease.getKey())) {
                    continue;
                }
                s.setLong(1, leaseMillis);
                s.setString(2, lease.getKey());
                s.setString(3, node);
                s.setLong(4, lease.getValue());
                if (s.executeUpdate() == 1) {
                    renewed.add(lease.getKey());
                }
            }
        }
        return renewed;
    }

    private void handBack(Connection c, Map<String, Long> mine, List<String> handBack) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE runner_leases SET expires_at = now() "
                + "WHERE runner_id = ? AND node = ? AND epoch = ?")) {
            for (String runner : handBack) {
                s.setString(1, runner);
                s.setString(2, node);
                s.setLong(3, mine.get(runner));
                s.executeUpdate();
            }
        }
    }

    private int liveNodes(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM cluster_nodes WHERE heartbeat_at > now() - "
                + "CAST(? AS BIGINT) * INTERVAL '1 millisecond'")) {
            s.setLong(1, leaseMillis);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Math.max(1, r.getInt(1));
            }
        }
    }

    /** Leases another node holds now; one this node's name holds but this process does not know is free to it. */
    private Set<String> takenByOthers(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT runner_id FROM runner_leases WHERE expires_at > now() "
                + "AND node <> ?")) {
            s.setString(1, node);
            var taken = new HashSet<String>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    taken.add(r.getString(1));
                }
            }
            return taken;
        }
    }

    /**
     * Takes the runner's lease when it is free (never held, expired, or held under this node's name by an earlier
     * process or a lease this process let lapse) with the next epoch; null when another node holds it.
     */
    private Long acquire(Connection c, String runner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO runner_leases (runner_id, node, epoch, expires_at) "
                + "VALUES (?, ?, 1, " + PLUS_LEASE + ") ON CONFLICT (runner_id) DO UPDATE SET node = EXCLUDED.node, "
                + "epoch = runner_leases.epoch + 1, expires_at = EXCLUDED.expires_at "
                + "WHERE runner_leases.expires_at <= now() OR runner_leases.node = EXCLUDED.node RETURNING epoch")) {
            s.setString(1, runner);
            s.setString(2, node);
            s.setLong(3, leaseMillis);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    /** Hands back {@code mine} at once and removes this node from the live ones (a graceful stop). */
    void leave(Map<String, Long> mine) {
        store.inTransaction(c -> {
            handBack(c, mine, List.copyOf(mine.keySet()));
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cluster_nodes WHERE node = ?")) {
                s.setString(1, node);
                s.executeUpdate();
            }
            return null;
        });
    }
}
