package dev.otai.http;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * This engine as one node of a cluster, for {@code /health} and {@code /metrics}: its name, the runners whose lease
 * it holds now, and how many leases it lost since it started.
 */
public record ClusterView(String node, Supplier<List<String>> owned, LongSupplier leasesLost) {
}
