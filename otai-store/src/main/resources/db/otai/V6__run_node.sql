-- Clustered mode: several engines share one PostgreSQL database. Each run records the engine (node) it ran on, for
-- `otai runs` and the metrics; runs recorded before this column existed have ''.
ALTER TABLE runs ADD COLUMN node VARCHAR(200) DEFAULT '' NOT NULL;

-- Row keys that the store hands out itself are reserved in blocks from these counters when several engines write
-- one database, so that no two engines hand out the same key. They start past the largest key already used.
INSERT INTO counters (name, next_value) SELECT 'runs.run_key', COALESCE(MAX(run_key), 0) + 1 FROM runs;
INSERT INTO counters (name, next_value) SELECT 'effects.id', COALESCE(MAX(id), 0) + 1 FROM effects;
