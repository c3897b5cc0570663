package dev.otai.bench.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The floor: the same requests as the otai adapter sends, from a plain loop with no engine. Concurrency is the
 * for-each's: a virtual thread per ticket, at most {@code parallelism} at a time.
 */
final class FloorSide implements Side {

    private final OtoboWire wire;
    private final int parallelism;
    private final int limit;

    FloorSide(String baseUrl, int parallelism, int limit) {
        this.wire = new OtoboWire(baseUrl);
        this.parallelism = parallelism;
        this.limit = limit;
    }

    @Override
    public void start() throws Exception {
        round();
    }

    @Override
    public void round() throws Exception {
        List<OtoboWire.Fetched> tickets = wire.fetch(Workload.INCOMING, limit);
        var permits = new Semaphore(parallelism);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<?>>();
            for (OtoboWire.Fetched ticket : tickets) {
                permits.acquire();
                futures.add(threads.submit(() -> {
                    try {
                        Workload.process(wire, ticket);
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    @Override
    public void close() {
        wire.close();
    }
}
