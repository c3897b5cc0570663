-- Clustered mode: several engines share one PostgreSQL database, and each runner runs on exactly one of them, the
-- holder of the runner's lease. A lease is held until expires_at, by the database's clock (the one clock all nodes
-- share), and renewed by its holder; each new holder takes the next epoch, the fencing token its writes carry, so
-- that a node that lost a lease cannot write under it. A node's heartbeat tells the others it is alive, so that
-- each takes no more than its fair share of the runners. The embedded store keeps both tables empty.

CREATE TABLE runner_leases (
    runner_id VARCHAR(200) NOT NULL PRIMARY KEY,
    node VARCHAR(200) NOT NULL,
    epoch BIGINT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cluster_nodes (
    node VARCHAR(200) NOT NULL PRIMARY KEY,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
