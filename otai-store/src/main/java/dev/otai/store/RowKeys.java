package dev.otai.store;

/**
 * Hands out the keys of the rows the store inserts itself ({@link Sql.Keys}), so that a queued insert needs no answer
 * from the database: {@link CountedKeys} where one engine writes the store, {@link ReservedKeys} where several do.
 */
sealed interface RowKeys permits CountedKeys, ReservedKeys {

    long next(Sql.Keys table);
}
