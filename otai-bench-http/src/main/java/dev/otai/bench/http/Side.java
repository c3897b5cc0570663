package dev.otai.bench.http;

/** One contender: processes every ticket waiting in {@code Incoming} once per round. */
interface Side extends AutoCloseable {

    /** Starts the side; it processes the first round on its own as soon as it is up (start → first effect). */
    void start() throws Exception;

    /** Processes the tickets waiting now and returns when all are done. */
    void round() throws Exception;

    @Override
    void close() throws Exception;
}
