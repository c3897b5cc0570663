package dev.otai.store;

/**
 * The statements the store writes on its own schedule ({@link Store#later}, {@link Store#durably}): a fixed set, so
 * that a queued write is plain data (a {@link Write}: one of these and its parameters) that the redo log can keep
 * and replay. Each names its table, its parameter types ({@code s} text, {@code l} long, {@code t} instant,
 * {@code b} boolean; any may be null) and its SQL, which H2 and PostgreSQL both run. Statements on different
 * tables commute (no foreign keys join them), which lets a batch group them per table.
 */
public enum Sql {

    EFFECT_INSERT("effects", "lsssssssstsst", "INSERT INTO effects (id, idem_key, run_id, runner_id, step_id, ticket_id, "
            + "operation, detail_json, status, created_at, base_version, version_after, settled_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    EFFECT_SETTLE("effects", "sstl", "UPDATE effects SET status = ?, version_after = ?, settled_at = ? WHERE id = ?"),

    JOURNAL_STEP("journal_steps", "sssssss", "INSERT INTO journal_steps (runner_id, run_id, scope, path, outcome, message, "
            + "data_json) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    JOURNAL_STEPS_FORGET("journal_steps", "ss", "DELETE FROM journal_steps WHERE runner_id = ? AND run_id = ?"),
    JOURNAL_STEPS_MOVE("journal_steps", "sss", "UPDATE journal_steps SET run_id = ? WHERE runner_id = ? AND run_id = ?"),
    JOURNAL_RUN_START("journal_runs", "ssssstss", "INSERT INTO journal_runs (runner_id, run_id, trigger_id, event_json, "
            + "fingerprint, status, started_at, resumes, note) VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?)"),
    JOURNAL_RUN_FORGET("journal_runs", "ss", "DELETE FROM journal_runs WHERE runner_id = ? AND run_id = ? AND resumes IS NULL"),
    JOURNAL_RUN_FINISHED("journal_runs", "ss", "UPDATE journal_runs SET status = 'finished' WHERE runner_id = ? AND run_id = ?"),
    JOURNAL_RUN_RESUMED("journal_runs", "sss", "UPDATE journal_runs SET status = 'resumed', resumed_by = ? "
            + "WHERE runner_id = ? AND run_id = ?"),

    /** As written by versions before runs recorded their node; kept to replay the redo logs they left. */
    HISTORY_RUN_START("runs", "lssstb", "INSERT INTO runs (run_key, id, runner_id, trigger_id, started_at, outcome, message, "
            + "attempt, dry_run, step_count, steps_dropped) VALUES (?, ?, ?, ?, ?, 'running', '', 1, ?, 0, 0)"),
    HISTORY_RUN_START_ON_NODE("runs", "lssstbs", "INSERT INTO runs (run_key, id, runner_id, trigger_id, started_at, outcome, "
            + "message, attempt, dry_run, step_count, steps_dropped, node) VALUES (?, ?, ?, ?, ?, 'running', '', 1, ?, 0, 0, ?)"),
    HISTORY_RUN_END("runs", "tlssllll", "UPDATE runs SET finished_at = ?, duration_ms = ?, outcome = ?, "
            + "message = ?, attempt = ?, step_count = ?, steps_dropped = ? WHERE run_key = ?"),
    HISTORY_STEP("run_steps", "llssssssltss", "INSERT INTO run_steps (run_key, seq, pipe_id, pipe_use, path, "
            + "scope, outcome, message, duration_us, finished_at, params_json, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),

    EVENT_DONE("trigger_events", "tl", "UPDATE trigger_events SET state = 'done', finished_at = ? WHERE id = ? AND state = 'started'");

    private final String table;
    private final String types;
    private final String text;

    Sql(String table, String types, String text) {
        this.table = table;
        this.types = types;
        this.text = text;
    }

    String table() {
        return table;
    }

    /** One letter per parameter: {@code s} text, {@code l} long, {@code t} instant, {@code b} boolean. */
    String types() {
        return types;
    }

    String text() {
        return text;
    }

    /** The tables whose keys the store hands out itself, so that an insert needs no answer from the database. */
    public enum Keys {
        EFFECTS("effects", "id"),
        RUNS("runs", "run_key");

        final String table;
        final String column;

        Keys(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }
}
