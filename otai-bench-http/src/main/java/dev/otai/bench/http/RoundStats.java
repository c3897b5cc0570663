package dev.otai.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.testkit.http.RecordedRequest;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake saw in one round, from its request log: whether every seeded ticket got exactly 2 updates and
 * 2 notes (and holds 2 added articles and left {@code Incoming}), the first write's wall-clock time, and per-ticket
 * latencies from request arrival times: from the TicketGet that fetched it to its last write ("fetch→done") and
 * from its first to its last write ("work").
 */
record RoundStats(int tickets, int correct, String problems, long firstWriteEpochMs, long p50FetchUs, long p99FetchUs,
                  long p50WorkUs, long p99WorkUs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class PerTicket {
        long fetched = Long.MAX_VALUE;
        long firstWrite = Long.MAX_VALUE;
        long lastWrite;
        int updates;
        int notes;
    }

    static RoundStats of(FakeOtobo fake, List<String> ids) {
        var per = new HashMap<String, PerTicket>();
        ids.forEach(id -> per.put(id, new PerTicket()));
        long firstWrite = Long.MAX_VALUE;
        for (RecordedRequest r : fake.requests()) {
            long at = r.at().getEpochSecond() * 1_000_000 + r.at().getNano() / 1_000;
            Map<?, ?> body = parse(r.body());
            String ticketIds = String.valueOf(body.get("TicketID"));
            if (r.path().endsWith("/ticket-get")) {
                for (String id : ticketIds.split(",")) {
                    per.computeIfPresent(id, (k, t) -> { t.fetched = Math.min(t.fetched, at); return t; });
                }
            } else if (r.path().endsWith("/ticket-update") && r.status() == 200 && per.containsKey(ticketIds)) {
                PerTicket t = per.get(ticketIds);
                t.updates += body.containsKey("Ticket") ? 1 : 0;
                t.notes += body.containsKey("Article") ? 1 : 0;
                t.firstWrite = Math.min(t.firstWrite, at);
                t.lastWrite = Math.max(t.lastWrite, at);
                firstWrite = Math.min(firstWrite, at);
            }
        }
        return summarise(fake, per, firstWrite);
    }

    private static RoundStats summarise(FakeOtobo fake, Map<String, PerTicket> per, long firstWrite) {
        int correct = 0;
        var problems = new ArrayList<String>();
        var fetch = new ArrayList<Long>();
        var work = new ArrayList<Long>();
        for (var e : per.entrySet()) {
            PerTicket t = e.getValue();
            OtoboTicket stored = fake.ticket(e.getKey());
            boolean ok = t.updates == 2 && t.notes == 2 && stored.addedArticles().size() == 2
                    && !stored.queue().equals(Workload.INCOMING) && t.fetched != Long.MAX_VALUE;
            if (ok) {
                correct++;
                fetch.add(t.lastWrite - t.fetched);
                work.add(t.lastWrite - t.firstWrite);
            } else if (problems.size() < 3) {
                problems.add("ticket " + e.getKey() + ": " + t.updates + " updates, " + t.notes + " notes, "
                        + stored.addedArticles().size() + " articles added, queue " + stored.queue());
            }
        }
        return new RoundStats(per.size(), correct, String.join("; ", problems), firstWrite / 1_000,
                percentile(fetch, 50), percentile(fetch, 99), percentile(work, 50), percentile(work, 99));
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static Map<?, ?> parse(String body) {
        try {
            return body == null || body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    boolean allCorrect() {
        return tickets > 0 && correct == tickets;
    }

    /** One line: {@code tickets correct firstWriteEpochMs p50Fetch p99Fetch p50Work p99Work|problems}. */
    String toLine() {
        return tickets + " " + correct + " " + firstWriteEpochMs + " " + p50FetchUs + " " + p99FetchUs + " " + p50WorkUs
                + " " + p99WorkUs + "|" + problems;
    }

    static RoundStats parseLine(String line) {
        int bar = line.indexOf('|');
        long[] v = Arrays.stream(line.substring(0, bar).trim().split(" ")).mapToLong(Long::parseLong).toArray();
        return new RoundStats((int) v[0], (int) v[1], line.substring(bar + 1), v[2], v[3], v[4], v[5], v[6]);
    }
}
