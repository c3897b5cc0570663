package dev.otai.zammad;

import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Reads the articles of the tickets a search found: Zammad's search carries none, so this is one request per
 * ticket, made a few at a time on virtual threads instead of one after the other.
 */
final class ArticleReads {

    /** Requests in flight at once per search. */
    static final int CONCURRENCY = 8;

    interface Reader {
        List<Note> read(String ticketId) throws HelpdeskException, InterruptedException;
    }

    private ArticleReads() {
    }

    static List<List<Note>> all(List<String> ticketIds, Reader reader) throws HelpdeskException, InterruptedException {
        if (ticketIds.size() <= 1) {
            var one = new ArrayList<List<Note>>();
            for (String id : ticketIds) {
                one.add(reader.read(id));
            }
            return one;
        }
        var permits = new Semaphore(CONCURRENCY);
        var futures = new ArrayList<Future<List<Note>>>(ticketIds.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : ticketIds) {
                futures.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return reader.read(id);
                    } finally {
                        permits.release();
                    }
                }));
            }
            return collect(futures);
        }
    }

    private static List<List<Note>> collect(List<Future<List<Note>>> futures) throws HelpdeskException, InterruptedException {
        var out = new ArrayList<List<Note>>(futures.size());
        for (Future<List<Note>> future : futures) {
            try {
                out.add(future.get());
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof HelpdeskException helpdesk) {
                    throw helpdesk;
                }
                throw new IllegalStateException("reading articles failed", e.getCause());
            }
        }
        return out;
    }
}
