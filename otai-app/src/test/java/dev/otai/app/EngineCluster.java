package dev.otai.app;

import dev.otai.testkit.PostgresServer;
import dev.otai.testkit.TcpRelay;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Engines in clustered mode: {@code otai run} processes with one config and one PostgreSQL database, each named
 * by {@code infrastructure.storage.node} and logging in to OTOBO as its own agent, with a short lease so that a
 * test sees failover within seconds. Each engine reaches the database through its own {@link TcpRelay}, so that a
 * test can cut one engine off it. Closing it kills whatever engine still runs.
 */
final class EngineCluster implements AutoCloseable {

    /** The lease of the tests: a runner of a dead engine moves within this plus about 2 s. */
    static final Duration LEASE = Duration.ofSeconds(3);

    private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    private final Path dir;
    private final Path config;
    private final PostgresServer.Database database;
    private final Map<String, EngineNode> nodes = new LinkedHashMap<>();
    private final List<EngineNode> stopped = new ArrayList<>();
    private final Map<String, TcpRelay> links = new LinkedHashMap<>();

    EngineCluster(Path dir, Path config, PostgresServer.Database database) {
        this.dir = dir;
        this.config = config;
        this.database = database;
    }

    /** Starts engine {@code name} (again, when one of that name was stopped), logging to {@code <name>-<start>.log}. */
    EngineNode start(String name) throws IOException {
        var environment = new HashMap<>(SixQueueDesk.agent(name));
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__URL", throughLink(name));
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__USER", database.user());
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__PASSWORD", database.password());
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__POOL_SIZE", "4");
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__NODE", name);
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__LEASE", "PT" + LEASE.toSeconds() + "S");
        environment.put("OTAI__INFRASTRUCTURE__STORAGE__DATA_DIR", dir.resolve(name + "-data").toString());
        EngineNode previous = nodes.get(name);
        if (previous != null) {
            stopped.add(previous);
        }
        long starts = 1 + stopped.stream().filter(n -> n.name().equals(name)).count();
        EngineNode node = EngineNode.start(name, config, dir.resolve(name + "-" + starts + ".log"), environment);
        nodes.put(name, node);
        return node;
    }

    /** The database's url, through engine {@code name}'s own relay. */
    private String throughLink(String name) throws IOException {
        Matcher place = HOST_PORT.matcher(database.url());
        if (!place.find()) {
            throw new IllegalArgumentException("not a PostgreSQL url: " + database.url());
        }
        if (!links.containsKey(name)) {
            links.put(name, TcpRelay.to(place.group(1), Integer.parseInt(place.group(2))));
        }
        return place.replaceFirst("//127.0.0.1:" + links.get(name).port() + "/");
    }

    /** Cuts engine {@code name} off the database (its connections are closed, new ones refused) until {@link #reconnect}. */
    void disconnect(String name) {
        links.get(name).cut();
    }

    void reconnect(String name) {
        links.get(name).restore();
    }

    /** Starts engines {@code node-1} … {@code node-count} and waits until each one answers {@code /health}. */
    List<EngineNode> startAll(int count) throws IOException {
        var started = new ArrayList<EngineNode>();
        for (int i = 1; i <= count; i++) {
            started.add(start("node-" + i));
        }
        started.forEach(EngineNode::awaitReady);
        return started;
    }

    /** The engine of this name started last. */
    EngineNode node(String name) {
        EngineNode node = nodes.get(name);
        if (node == null) {
            throw new NoSuchElementException("no engine named " + name + "; started: " + nodes.keySet());
        }
        return node;
    }

    List<EngineNode> running() {
        return nodes.values().stream().filter(EngineNode::alive).toList();
    }

    /** Every engine's log, each under its name: for assertion messages. */
    String logs() {
        var out = new StringBuilder();
        stopped.forEach(node -> out.append("\n===== ").append(node.name()).append(" (pid ").append(node.pid())
                .append(", stopped)\n").append(node.log()));
        nodes.values().forEach(node -> out.append("\n===== ").append(node.name()).append(" (pid ").append(node.pid())
                .append(node.alive() ? ", running" : ", ended").append(")\n").append(node.log()));
        return out.toString();
    }

    /**
     * Waits (polling every 100 ms, at most {@code atMost}) until {@code condition} holds; on timeout fails with every
     * engine's log and the threads of those still running.
     */
    void await(String what, Duration atMost, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(100)).until(condition);
        } catch (ConditionTimeoutException e) {
            var threads = new StringBuilder();
            running().forEach(node -> threads.append("\n===== threads of ").append(node.name()).append("\n").append(node.threadDump()));
            throw new AssertionError(e.getMessage() + "; logs:" + logs() + threads, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (EngineNode node : nodes.values()) {
            node.close();
        }
        for (EngineNode node : stopped) {
            node.close();
        }
        for (TcpRelay link : links.values()) {
            link.close();
        }
    }
}
