package dev.otai.store.journal;

import dev.otai.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** What the journal says of one run for {@code otai runs show}: the run it resumed, the run that resumed it. */
public final class JournalLinks {

    private final Store store;

    public JournalLinks(Store store) {
        this.store = store;
    }

    /**
     * @param resumes   the interrupted run this run continued, or null
     * @param resumedBy the run that continued this one after the engine died, or null
     * @param status    {@code running}, {@code finished}, {@code resumed} or {@code discarded}
     * @param note      where it resumed (for a resuming run), or why it was not resumed (discarded)
     */
    public record Link(String resumes, String resumedBy, String status, String note) {
    }

    public Optional<Link> of(String runId) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT resumes, resumed_by, status, note FROM journal_runs "
                    + "WHERE run_id = ? ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Link(r.getString(1), r.getString(2), r.getString(3), r.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }
}
