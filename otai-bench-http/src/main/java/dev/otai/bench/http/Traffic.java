package dev.otai.bench.http;

import dev.otai.testkit.http.RecordedRequest;
import java.util.Arrays;
import java.util.List;

/**
 * The requests one contender sent the fake in a round, by kind, and the round's span: from the first request to
 * the last successful write. Searches after the last write are the idle polls of a contender that has run out of
 * tickets and are left out; every other request counts, whenever it came.
 *
 * @param firstRequestUs epoch µs of the first request
 * @param lastWriteUs    epoch µs of the last successful TicketUpdate
 */
record Traffic(long firstRequestUs, long lastWriteUs, int searches, int gets, int updates, int notes, int other) {

    static Traffic of(List<RecordedRequest> requests) {
        long first = Long.MAX_VALUE;
        long lastWrite = 0;
        for (RecordedRequest r : requests) {
            first = Math.min(first, micros(r));
            if (r.path().endsWith("/ticket-update") && r.status() == 200) {
                lastWrite = Math.max(lastWrite, micros(r));
            }
        }
        int[] n = new int[5];
        for (RecordedRequest r : requests) {
            String path = r.path();
            if (path.endsWith("/ticket-search")) {
                n[0] += micros(r) <= lastWrite ? 1 : 0;
            } else if (path.endsWith("/ticket-get")) {
                n[1]++;
            } else if (path.endsWith("/ticket-update") && r.body().contains("\"Article\"")) {
                n[3]++;
            } else if (path.endsWith("/ticket-update")) {
                n[2]++;
            } else {
                n[4]++;
            }
        }
        return new Traffic(first == Long.MAX_VALUE ? 0 : first, lastWrite, n[0], n[1], n[2], n[3], n[4]);
    }

    private static long micros(RecordedRequest r) {
        return r.at().getEpochSecond() * 1_000_000 + r.at().getNano() / 1_000;
    }

    int total() {
        return searches + gets + updates + notes + other;
    }

    /** Seconds from the first request to the last write. */
    double seconds() {
        return (lastWriteUs - firstRequestUs) / 1e6;
    }

    /** {@code firstRequestUs lastWriteUs searches gets updates notes other}. */
    String toLine() {
        return firstRequestUs + " " + lastWriteUs + " " + searches + " " + gets + " " + updates + " " + notes + " " + other;
    }

    static Traffic parseLine(String line) {
        long[] v = Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
        return new Traffic(v[0], v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5], (int) v[6]);
    }
}
