package dev.otai.store.tickets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Loads a ticket file into the local ticket system in batches, one transaction per batch, reporting progress.
 * The whole file is read and checked first, so a bad line stores nothing. Importing the same file again
 * replaces the tickets by id instead of duplicating them.
 */
public final class TicketImport {

    static final int BATCH = 500;

    private TicketImport() {
    }

    /** Told how many of how many tickets are stored so far. */
    @FunctionalInterface
    public interface Progress {
        void stored(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** Imports {@code file}; returns how many tickets were stored. */
    public static int importFile(Path file, LocalTicketSystem tickets, Progress progress) throws IOException {
        return store(TicketFiles.read(file), file.toString(), tickets, null, progress);
    }

    /** Imports {@code file} into {@code queue} when the ticket system is empty; returns how many were stored. */
    public static int seedIfEmpty(Path file, LocalTicketSystem tickets, String queue) throws IOException {
        if (tickets.count() > 0) {
            return 0;
        }
        return store(TicketFiles.read(file), file.toString(), tickets, queue, Progress.NONE);
    }

    private static int store(List<Map<String, Object>> records, String source, LocalTicketSystem tickets, String queue,
                             Progress progress) {
        for (Map<String, Object> record : records) {
            TicketFiles.ticket(record, "check", Instant.EPOCH, source);
        }
        progress.stored(0, records.size());
        for (int from = 0; from < records.size(); from += BATCH) {
            int to = Math.min(records.size(), from + BATCH);
            tickets.putRecords(records.subList(from, to), source, queue);
            progress.stored(to, records.size());
        }
        return records.size();
    }
}
