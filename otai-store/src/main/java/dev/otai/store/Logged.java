package dev.otai.store;

import java.util.List;

/** Writes queued together (one {@link Store#later} or {@link Store#durably} call) under their sequence number. */
record Logged(long seq, List<Write> writes) {

    Logged {
        writes = List.copyOf(writes);
    }
}
