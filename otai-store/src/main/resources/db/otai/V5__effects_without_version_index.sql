-- No query looks effects up by the version a write left the ticket at (the ledger answers that from the ticket's
-- rows, read by ticket id, which effects_ticket serves), so the index only cost every recorded write one more
-- index entry to maintain.
DROP INDEX IF EXISTS effects_version;
