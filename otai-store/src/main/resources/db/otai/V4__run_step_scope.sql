-- Where in its run each step ran ('' at the top, 'item 3' in a for-each's fourth item), so that the console and
-- `otai runs show` can show each for-each item's steps together. Steps recorded before this column existed have ''.
ALTER TABLE run_steps ADD COLUMN scope VARCHAR(400) DEFAULT '' NOT NULL;

-- The web console's reads with 100,000 runs in the store: recent classification steps (its classification page),
-- and runs by outcome, with or without a runner (the failed runs of the last day, the runs list's filters).
CREATE INDEX run_steps_use ON run_steps (pipe_use, run_key);
CREATE INDEX runs_outcome ON runs (outcome, started_at);
CREATE INDEX runs_runner_outcome ON runs (runner_id, outcome, started_at);
