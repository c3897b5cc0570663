package dev.otai.testkit;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL for tests: the server named by {@code OTAI_TEST_POSTGRES_URL} (an administrator's JDBC url, user and
 * password as url parameters), or else a throwaway server started from Debian's binaries in
 * {@code /usr/lib/postgresql/<version>/bin}, one per JVM ({@link #shared()}), stopped and deleted at JVM exit.
 *
 * <p>Each test takes a {@link #freshDatabase() fresh database}, so tests never see each other's rows. Where no
 * PostgreSQL can be had the calling test is skipped, unless {@code OTAI_REQUIRE_POSTGRES=1} (set by CI): then it
 * fails, so a CI machine without PostgreSQL cannot pass by skipping.
 */
public final class PostgresServer {

    static final String URL_VARIABLE = "OTAI_TEST_POSTGRES_URL";
    static final String REQUIRE_VARIABLE = "OTAI_REQUIRE_POSTGRES";
    private static final Pattern SERVER_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)/([^?]*)(\\?.*)?");
    private static final SharedServer SHARED = new SharedServer();

    private final String serverUrl;
    private final String parameters;
    private final String adminDatabase;
    private final String user;
    private final String password;
    private final String prefix;
    private final AtomicInteger databases = new AtomicInteger();
    private final List<String> created = new ArrayList<>();

    PostgresServer(String serverUrl, String adminDatabase, String parameters, String user, String password, String prefix) {
        this.serverUrl = serverUrl;
        this.adminDatabase = adminDatabase;
        this.parameters = parameters;
        this.user = user;
        this.password = password;
        this.prefix = prefix;
    }

    /**
     * The server of this JVM, started on first use. Skips the calling test (or fails it, when PostgreSQL is required)
     * where there is none.
     */
    public static PostgresServer shared() {
        Optional<PostgresServer> server = SHARED.get();
        if (server.isPresent()) {
            return server.get();
        }
        String reason = SHARED.unavailableReason();
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException("PostgreSQL is required (" + REQUIRE_VARIABLE + "=1) but unavailable: " + reason);
        }
        Assumptions.abort("no PostgreSQL for this test: " + reason);
        throw new AssertionError("unreachable");
    }

    /** A new, empty database on this server, owned by the server's user. */
    public Database freshDatabase() {
        String name = prefix + databases.incrementAndGet();
        try (var connection = DriverManager.getConnection(url(adminDatabase), user, password);
                var statement = connection.createStatement()) {
            statement.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + serverUrl + ": " + e.getMessage(), e);
        }
        synchronized (created) {
            created.add(name);
        }
        return new Database(url(name), user, password);
    }

    /** Drops the databases this JVM created, for a server that outlives it. */
    void dropCreatedDatabases() {
        List<String> names;
        synchronized (created) {
            names = List.copyOf(created);
        }
        try (var connection = DriverManager.getConnection(url(adminDatabase), user, password);
                var statement = connection.createStatement()) {
            for (String name : names) {
                statement.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases " + names + " on " + serverUrl + ": " + e.getMessage());
        }
    }

    private String url(String database) {
        return serverUrl + "/" + database + parameters;
    }

    /** The server an administrator's url names; its database is where new databases are created from. */
    static PostgresServer external(String adminUrl, String prefix) {
        var matcher = SERVER_URL.matcher(adminUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " was \"" + adminUrl.replaceAll("password=[^&]*", "password=***")
                    + "\"; expected jdbc:postgresql://host[:port]/database[?user=…&password=…]");
        }
        var probe = new PGSimpleDataSource();
        probe.setUrl(adminUrl);
        String database = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
        String parameters = matcher.group(3) == null ? "" : matcher.group(3);
        return new PostgresServer(matcher.group(1), database, parameters, probe.getUser(),
                probe.getPassword() == null ? "" : probe.getPassword(), prefix);
    }

    /** A database: where it is, who may use it, and a data source for it. */
    public record Database(String url, String user, String password) {

        public DataSource dataSource() {
            var dataSource = new PGSimpleDataSource();
            dataSource.setUrl(url);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        }

        @Override
        public String toString() {
            return "Database[" + url + ", user " + user + "]";
        }
    }

    /** Starts the JVM's server once; remembers why there is none. */
    private static final class SharedServer {
        private Optional<PostgresServer> server;
        private String unavailable = "";

        synchronized Optional<PostgresServer> get() {
            if (server == null) {
                server = start();
            }
            return server;
        }

        synchronized String unavailableReason() {
            return unavailable;
        }

        private Optional<PostgresServer> start() {
            String prefix = "otai_test_" + ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime() & 0xffffff) + "_";
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                var external = external(url, prefix);
                Runtime.getRuntime().addShutdownHook(new Thread(external::dropCreatedDatabases, "drop-test-databases"));
                return Optional.of(external);
            }
            var binaries = LocalPostgres.findBinaries();
            if (binaries.isEmpty()) {
                unavailable = "no " + URL_VARIABLE + " and no PostgreSQL binaries under " + LocalPostgres.DEBIAN_ROOT;
                return Optional.empty();
            }
            try {
                var local = LocalPostgres.start(binaries.get());
                return Optional.of(new PostgresServer(local.serverUrl(), "postgres", "", LocalPostgres.USER, "", prefix));
            } catch (IOException | RuntimeException e) {
                unavailable = "PostgreSQL from " + binaries.get() + " did not start: " + e.getMessage();
                return Optional.empty();
            }
        }
    }
}
