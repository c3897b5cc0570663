package dev.otai.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Keys counted on in memory from each table's largest at open: the embedded store has one engine at a time. */
final class CountedKeys implements RowKeys {

    private final Map<Sql.Keys, AtomicLong> last = new EnumMap<>(Sql.Keys.class);

    CountedKeys(Store store) {
        for (Sql.Keys table : Sql.Keys.values()) {
            last.put(table, new AtomicLong(store.read(c -> largestKey(c, table))));
        }
    }

    @Override
    public long next(Sql.Keys table) {
        return last.get(table).incrementAndGet();
    }

    static long largestKey(Connection c, Sql.Keys table) throws SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery("SELECT MAX(" + table.column + ") FROM " + table.table)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
