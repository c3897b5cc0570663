-- The run journal: runs that started and have not finished, and the result of each step they ran, so that a run
-- the engine did not finish is continued at the next start. A finished run's steps are deleted; its row is kept
-- only when it resumed an earlier run or was resumed, to link the two in `otai runs show`.

CREATE TABLE journal_runs (
    runner_id VARCHAR(200) NOT NULL,
    run_id VARCHAR(64) NOT NULL,
    trigger_id VARCHAR(200) NOT NULL,
    event_json VARCHAR NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    resumes VARCHAR(64),
    resumed_by VARCHAR(64),
    note VARCHAR(4000),
    PRIMARY KEY (runner_id, run_id)
);
CREATE INDEX journal_runs_status ON journal_runs (status, started_at);
CREATE INDEX journal_runs_id ON journal_runs (run_id);

-- data_json is null when the result could not be kept faithfully (see docs/operations.md): the step runs again.
CREATE TABLE journal_steps (
    runner_id VARCHAR(200) NOT NULL,
    run_id VARCHAR(64) NOT NULL,
    scope VARCHAR(400) NOT NULL,
    path VARCHAR(1000) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    message VARCHAR NOT NULL,
    data_json VARCHAR,
    PRIMARY KEY (runner_id, run_id, scope, path)
);
