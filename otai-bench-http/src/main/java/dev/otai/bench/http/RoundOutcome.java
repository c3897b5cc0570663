package dev.otai.bench.http;

/**
 * One cold run of one contender: throughput from the first request to the last write, the contender's and the
 * fake's CPU over that span per ticket, and the requests it sent; {@code problem} non-null when the check failed
 * (then no figure counts).
 */
record RoundOutcome(String contender, int parallelism, int tickets, double ticketsPerSecond, double cpuMsPerTicket,
                    double fakeCpuMsPerTicket, double startToFirstRequestMs, double rssMiB, int exitCode, Traffic traffic,
                    String problem) {

    static RoundOutcome failed(String contender, int parallelism, int tickets, String problem) {
        return new RoundOutcome(contender, parallelism, tickets, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1,
                null, problem);
    }

    boolean ok() {
        return problem == null;
    }

    double requestsPerTicket() {
        return traffic.total() / (double) tickets;
    }
}
