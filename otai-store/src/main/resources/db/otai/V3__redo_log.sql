-- The last write of the redo log (otai.redo in the data directory) that the database holds: written in the same
-- transaction as the writes it counts, so that replaying the log at open applies each write exactly once.

CREATE TABLE redo_applied (
    id INTEGER NOT NULL PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO redo_applied (id, seq) VALUES (1, 0);
