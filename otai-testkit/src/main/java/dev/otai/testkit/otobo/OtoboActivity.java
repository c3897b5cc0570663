package dev.otai.testkit.otobo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fake OTOBO saw of the runs that use it, for tests of several engines on one helpdesk: every write with
 * its time and the agent who sent it, every search of a queue, and each moment two runs of the same queue's
 * runner were in flight at once.
 *
 * <p>A runner that fetches one queue and writes a note on each ticket it fetched, as its last write, has a run in
 * flight from the moment its search of the queue arrives until every ticket that search returned has received
 * an article. A search of the same queue that arrives while another search of it is unanswered, or while a
 * ticket an earlier search returned is still waiting for its article, is an {@link Overlap}. A search whose
 * requester died before it could read the answer cannot be told apart from one that was answered, so a test
 * that kills an engine does so while its runs are past their searches. Thread-safe.
 */
public final class OtoboActivity {

    /** A TicketUpdate or TicketCreate the fake applied: whether it changed ticket fields and whether it added an article. */
    public record Write(Instant at, String login, String operation, String ticketId, boolean changedFields, boolean addedArticle) {
    }

    /** A search of one queue, answered with these ticket ids. */
    public record Search(Instant at, String login, String queue, List<String> ticketIds) {
    }

    /** A search of {@code queue} by {@code login} that arrived while another run of that queue was in flight. */
    public record Overlap(Instant at, String login, String queue, boolean searchUnanswered, Set<String> awaitingArticle) {
    }

    private final List<Write> writes = new ArrayList<>();
    private final List<Search> searches = new ArrayList<>();
    private final List<Overlap> overlaps = new ArrayList<>();
    private final Map<String, Integer> unanswered = new HashMap<>();         // queue -> searches not yet answered
    private final Map<String, Set<String>> awaitingArticle = new HashMap<>(); // queue -> ids of its last answer without an article since

    OtoboActivity() {
    }

    /** A search of one queue arrived; the fake answers it later. */
    synchronized void searchArrived(String login, String queue, Instant at) {
        Set<String> waiting = awaitingArticle.getOrDefault(queue, Set.of());
        boolean searching = unanswered.getOrDefault(queue, 0) > 0;
        if (searching || !waiting.isEmpty()) {
            overlaps.add(new Overlap(at, login, queue, searching, Set.copyOf(waiting)));
        }
        unanswered.merge(queue, 1, Integer::sum);
    }

    synchronized void searchAnswered(String login, String queue, Instant arrived, List<String> ticketIds) {
        unanswered.merge(queue, -1, Integer::sum);
        awaitingArticle.put(queue, new LinkedHashSet<>(ticketIds));
        searches.add(new Search(arrived, login, queue, List.copyOf(ticketIds)));
    }

    synchronized void wrote(Write write) {
        writes.add(write);
        if (write.addedArticle()) {
            awaitingArticle.values().forEach(waiting -> waiting.remove(write.ticketId()));
        }
    }

    /** Every write applied, in the order the fake applied them. */
    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The writes {@code login} sent that arrived at or after {@code since}. */
    public synchronized List<Write> writesBy(String login, Instant since) {
        return writes.stream().filter(w -> w.login().equals(login) && !w.at().isBefore(since)).toList();
    }

    /** Every answered search of a single queue, in the order they were answered. */
    public synchronized List<Search> searches() {
        return List.copyOf(searches);
    }

    /** Every moment two runs of one queue's runner were in flight at once; empty when there was none. */
    public synchronized List<Overlap> overlaps() {
        return List.copyOf(overlaps);
    }

    /** Searches of {@code queue} that arrived and are not answered yet. */
    public synchronized int searchesInFlight(String queue) {
        return unanswered.getOrDefault(queue, 0);
    }

    /** The agent whose search of {@code queue} was answered last: the engine that ran its runner last. */
    public synchronized Optional<String> lastSearcher(String queue) {
        return searches.reversed().stream().filter(s -> s.queue().equals(queue)).map(Search::login).findFirst();
    }
}
