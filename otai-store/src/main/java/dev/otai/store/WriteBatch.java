package dev.otai.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies queued writes to one connection, in one transaction, with as few round trips as their order allows:
 * consecutive writes to a table that use the same statement go in one JDBC batch (statements on different tables
 * commute, so a table's batch stays open while others are written); a settlement of an effect whose insert is
 * still waiting in the batch is folded into that insert. A settlement of an effect inserted by an earlier batch
 * touches a row no insert of this batch touches, so it waits in a batch of its own and leaves the inserts' batch
 * open (else every settlement that missed its insert would end the batch that the next ones fold into).
 * Statements come prepared from the writer's kept connection.
 */
final class WriteBatch {

    private final KeptConnection connection;
    private final Map<String, Pending> open = new HashMap<>();
    private final Pending earlierSettlements = new Pending(Sql.EFFECT_SETTLE);

    /** Rows of one statement for one table, not yet sent. */
    private static final class Pending {
        final Sql sql;
        final List<Write> rows = new ArrayList<>();
        final Map<Long, Integer> insertedEffects = new HashMap<>();

        Pending(Sql sql) {
            this.sql = sql;
        }
    }

    WriteBatch(KeptConnection connection) {
        this.connection = connection;
    }

    void add(Write write) throws SQLException {
        if (write.sql() == Sql.EFFECT_SETTLE) {
            settle(write);
            return;
        }
        String table = write.sql().table();
        if (write.sql() != Sql.EFFECT_INSERT && table.equals(Sql.EFFECT_SETTLE.table())) {
            sendEarlierSettlements(); // any other statement on effects runs after the settlements queued before it
        }
        Pending pending = open.get(table);
        if (pending != null && pending.sql != write.sql()) {
            send(pending);
            pending = null;
        }
        if (pending == null) {
            pending = new Pending(write.sql());
            open.put(table, pending);
        }
        if (write.sql() == Sql.EFFECT_INSERT) {
            pending.insertedEffects.put((Long) write.params().getFirst(), pending.rows.size());
        }
        pending.rows.add(write);
    }

    /**
     * Folds the settlement into its effect's insert when that still waits in this batch (settlements never send the
     * inserts' batch, so it waits until {@link #finish} or another statement on effects); else it updates a row that
     * is already in the table, after the inserts.
     */
    private void settle(Write settlement) {
        Pending inserts = open.get(Sql.EFFECT_INSERT.table());
        Integer row = inserts == null ? null : inserts.insertedEffects.get((Long) settlement.params().get(3));
        if (row == null) {
            earlierSettlements.rows.add(settlement);
            return;
        }
        Object[] values = inserts.rows.get(row).params().toArray();
        values[8] = settlement.params().get(0);
        values[11] = settlement.params().get(1);
        values[12] = settlement.params().get(2);
        inserts.rows.set(row, Write.of(Sql.EFFECT_INSERT, values));
    }

    /** Sends every batch still open. */
    void finish() throws SQLException {
        for (Pending pending : open.values()) {
            send(pending);
        }
        open.clear();
        sendEarlierSettlements();
    }

    private void sendEarlierSettlements() throws SQLException {
        if (!earlierSettlements.rows.isEmpty()) {
            send(earlierSettlements);
            earlierSettlements.rows.clear();
        }
    }

    private void send(Pending pending) throws SQLException {
        PreparedStatement statement = connection.prepare(pending.sql.text());
        if (pending.rows.size() == 1) {
            bind(statement, pending.rows.getFirst());
            statement.executeUpdate();
            return;
        }
        for (Write row : pending.rows) {
            bind(statement, row);
            statement.addBatch();
        }
        statement.executeBatch();
    }
    private static void bind(PreparedStatement statement, Write write) throws SQLException {
        String types = write.sql().types();
        for (int i = 0; i < types.length(); i++) {
            Object value = write.params().get(i);
            int at = i + 1;
            switch (types.charAt(i)) {
                case 's' -> statement.setString(at, (String) value);
                case 'l' -> {
                    if (value == null) {
                        statement.setNull(at, Types.BIGINT);
                    } else {
                        statement.setLong(at, (Long) value);
                    }
                }
                case 't' -> {
                    if (value == null) {
                        statement.setNull(at, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        statement.setObject(at, ((Instant) value).atOffset(ZoneOffset.UTC));
                    }
                }
                case 'b' -> {
                    if (value == null) {
                        statement.setNull(at, Types.BOOLEAN);
                    } else {
                        statement.setBoolean(at, (Boolean) value);
                    }
                }
                default -> throw new IllegalStateException("statement " + write.sql() + " declares type " + types.charAt(i));
            }
        }
    }
}
