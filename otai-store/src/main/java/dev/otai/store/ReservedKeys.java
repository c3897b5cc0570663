package dev.otai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keys for a store that several engines write: each engine reserves a block of {@value #BLOCK} keys at a time from the
 * table's row in {@code counters} (one short transaction that locks the row), and hands them out in memory. No two
 * engines get the same key; keys of a block left unused when an engine stops are skipped. Keys then order rows
 * within one engine, not across engines.
 */
final class ReservedKeys implements RowKeys {

    static final int BLOCK = 1000;

    private final Store store;
    private final Map<Sql.Keys, Block> blocks = new EnumMap<>(Sql.Keys.class);

    /**
     * The keys still to hand out of one reserved block: {@code next} up to {@code end}, exclusive. A lock rather than
     * a monitor: the reservation talks to the database, and a virtual thread waiting on it must not pin its carrier.
     */
    private static final class Block {
        final ReentrantLock lock = new ReentrantLock();
        long next; // guarded by lock
        long end; // guarded by lock
    }

    /** Starts each table's counter past its largest key (rows written by a store that counted its own keys). */
    ReservedKeys(Store store) {
        this.store = store;
        for (Sql.Keys table : Sql.Keys.values()) {
            blocks.put(table, new Block());
            store.transaction(c -> catchUp(c, table));
        }
    }

    @Override
    public long next(Sql.Keys table) {
        Block block = blocks.get(table);
        block.lock.lock();
        try {
            if (block.next == block.end) {
                block.next = store.transaction(c -> reserve(c, table));
                block.end = block.next + BLOCK;
            }
            return block.next++;
        } finally {
            block.lock.unlock();
        }
    }

    static String counter(Sql.Keys table) {
        return table.table + "." + table.column;
    }

    /** The first key of a newly reserved block. */
    private static long reserve(Connection c, Sql.Keys table) throws SQLException {
        long first;
        try (PreparedStatement s = c.prepareStatement("SELECT next_value FROM counters WHERE name = ? FOR UPDATE")) {
            s.setString(1, counter(table));
            try (var r = s.executeQuery()) {
                if (!r.next()) {
                    throw new StoreException("the store's counter " + counter(table) + " is missing; expected the row "
                            + "that migration V6 adds to the counters table");
                }
                first = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE counters SET next_value = ? WHERE name = ?")) {
            s.setLong(1, first + BLOCK);
            s.setString(2, counter(table));
            s.executeUpdate();
        }
        return first;
    }

    private static Void catchUp(Connection c, Sql.Keys table) throws SQLException {
        String past = "(SELECT COALESCE(MAX(" + table.column + "), 0) + 1 FROM " + table.table + ")";
        try (PreparedStatement s = c.prepareStatement("UPDATE counters SET next_value = " + past
                + " WHERE name = ? AND next_value < " + past)) {
            s.setString(1, counter(table));
            s.executeUpdate();
        }
        return null;
    }
}
