package dev.otai.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One queued change to the store as data: which of the fixed statements, and its parameters (text, long, instant,
 * boolean or null, as the statement declares). Plain data so that the redo log can write it and read it back.
 */
public record Write(Sql sql, List<Object> params) {

    public Write {
        if (sql == null) {
            throw new IllegalArgumentException("a store write needs a statement; got none");
        }
        params = Collections.unmodifiableList(Arrays.asList(params.toArray()));
        String types = sql.types();
        if (params.size() != types.length()) {
            throw new IllegalArgumentException("store statement " + sql + " takes " + types.length() + " parameters ("
                    + types + "); got " + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value != null && !fits(types.charAt(i), value)) {
                throw new IllegalArgumentException("store statement " + sql + ": parameter " + (i + 1) + " was a "
                        + value.getClass().getSimpleName() + "; expected " + typeName(types.charAt(i)));
            }
        }
    }

    /** {@code sql} with {@code params} in order; ints are taken as longs. */
    public static Write of(Sql sql, Object... params) {
        Object[] values = params.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Integer n) {
                values[i] = n.longValue();
            }
        }
        return new Write(sql, Arrays.asList(values));
    }

    private static boolean fits(char type, Object value) {
        return switch (type) {
            case 's' -> value instanceof String;
            case 'l' -> value instanceof Long;
            case 't' -> value instanceof Instant;
            case 'b' -> value instanceof Boolean;
            default -> false;
        };
    }

    static String typeName(char type) {
        return switch (type) {
            case 's' -> "text";
            case 'l' -> "long";
            case 't' -> "instant";
            case 'b' -> "boolean";
            default -> "type '" + type + "'";
        };
    }
}
