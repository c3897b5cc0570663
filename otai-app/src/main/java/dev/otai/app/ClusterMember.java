package dev.otai.app;

import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.http.ClusterView;
import dev.otai.http.EngineMetrics;
import dev.otai.store.EngineRecording;
import dev.otai.store.Store;
import dev.otai.store.cluster.LeaseKeeper;
import dev.otai.store.cluster.LeaseRoster;

/**
 * This engine's part in a cluster (a store on PostgreSQL): the lease keeper that decides which runners it runs,
 * started once the engine is, shown in {@code /health} and {@code /metrics}, and closed, handing its leases back,
 * once the engine's runs have ended. A dry run takes no lease (it would take runners from the nodes that write), and
 * an engine alone owns every runner.
 */
final class ClusterMember implements AutoCloseable {

    private final LeaseKeeper keeper; // null: not in a cluster

    private ClusterMember(LeaseKeeper keeper) {
        this.keeper = keeper;
    }

    static ClusterMember of(Store store, StorageSettings settings, boolean dryRun) {
        return settings.server().filter(server -> store.clustered() && !dryRun)
                .map(server -> new ClusterMember(new LeaseKeeper(store, server.node(), server.lease(), System::nanoTime)))
                .orElseGet(() -> new ClusterMember(null));
    }

    RunnerOwnership ownership() {
        return keeper == null ? RunnerOwnership.ALONE : keeper;
    }

    /** Serves {@code engine}'s runners: takes this node's share of the leases now, then renews in the background. */
    void serve(Engine engine, EngineRecording recording, EngineMetrics metrics) {
        if (keeper == null) {
            return;
        }
        keeper.serve(LeaseRoster.of(engine, recording));
        metrics.cluster(new ClusterView(keeper.node(), keeper::owned, keeper::leasesLost));
        keeper.start();
    }

    /** Hands this node's leases back (call once its runs have ended), so other nodes take its runners at once. */
    @Override
    public void close() {
        if (keeper != null) {
            keeper.close();
        }
    }
}
