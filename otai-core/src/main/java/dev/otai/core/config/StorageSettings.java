package dev.otai.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code infrastructure.storage}: where the store lives (the embedded H2 store, or a PostgreSQL server shared by the
 * engines of a cluster) and how much it keeps.
 *
 * @param dataDirectory    the folder holding the H2 database, as written ({@code otai-data} by default); a relative
 *                         folder is resolved against the working directory by whoever opens the store
 * @param maxAge           runs older than this are pruned (30 days by default)
 * @param maxRuns          at most this many runs are kept, the newest (100,000 by default)
 * @param maxValueChars    a step's stored params or data longer than this (as JSON) are cut (16 KiB by default)
 * @param maxStepsPerRun   steps recorded per run; later steps are counted, not stored (2,000 by default)
 * @param ledger           the effect ledger's caps
 * @param server           the PostgreSQL server of clustered mode; empty for the embedded store in {@code dataDirectory}
 */
public record StorageSettings(Path dataDirectory, Duration maxAge, long maxRuns, int maxValueChars, int maxStepsPerRun,
                              LedgerSettings ledger, Optional<Server> server) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("otai-data");

    public StorageSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(server, "server");
    }

    /** Settings of the embedded store. */
    public StorageSettings(Path dataDirectory, Duration maxAge, long maxRuns, int maxValueChars, int maxStepsPerRun,
                           LedgerSettings ledger) {
        this(dataDirectory, maxAge, maxRuns, maxValueChars, maxStepsPerRun, ledger, Optional.empty());
    }

    public static StorageSettings defaults() {
        return new StorageSettings(DEFAULT_DATA_DIRECTORY, Duration.ofDays(30), 100_000, 16 * 1024, 2_000,
                LedgerSettings.defaults());
    }

    public StorageSettings withDataDirectory(Path directory) {
        return new StorageSettings(directory, maxAge, maxRuns, maxValueChars, maxStepsPerRun, ledger, server);
    }

    public StorageSettings withServer(Server server) {
        return new StorageSettings(dataDirectory, maxAge, maxRuns, maxValueChars, maxStepsPerRun, ledger, Optional.of(server));
    }

    /** Whether the store is a PostgreSQL server shared by the engines of a cluster. */
    public boolean clustered() {
        return server.isPresent();
    }

    /**
     * {@code infrastructure.storage} with a {@code url}: clustered mode on PostgreSQL.
     *
     * @param url      the JDBC url, {@code jdbc:postgresql://host[:port]/database}
     * @param user     the database user; empty to take it from the url
     * @param password the user's password, a secret; empty when the server asks for none
     * @param poolSize the most connections this engine holds open
     * @param node     this engine's name in the cluster: shown in runs, {@code /health} and metrics
     * @param lease    how long a runner's owner keeps it without renewing; failover takes about this long
     */
    public record Server(String url, String user, String password, int poolSize, String node, Duration lease) {

        public static final int DEFAULT_POOL_SIZE = 8;
        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
        public static final Duration MIN_LEASE = Duration.ofSeconds(2);
        private static final Pattern URL_PASSWORD = Pattern.compile("((?:[?&;]|^)password=)[^&;]*", Pattern.CASE_INSENSITIVE);

        public Server {
            Objects.requireNonNull(url, "url");
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(lease, "lease");
        }

        /**
         * The name an engine goes by when none is configured, embedded or clustered: this host's name and this process's
         * id, so two engines on one host differ.
         */
        public static String defaultNode() {
            String host = System.getenv("HOSTNAME");
            if (host == null || host.isBlank()) {
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    host = "localhost";
                }
            }
            return host.strip() + "-" + ProcessHandle.current().pid();
        }

        /** What must never be shown: the password, and one written into the url as its {@code password} parameter. */
        public List<String> secrets() {
            var secrets = new ArrayList<String>();
            secrets.add(password);
            var inUrl = URL_PASSWORD.matcher(url);
            while (inUrl.find()) {
                secrets.add(url.substring(inUrl.end(1), inUrl.end()));
            }
            return secrets.stream().filter(secret -> !secret.isEmpty()).toList();
        }

        /** The url with the value of any {@code password} parameter masked, for messages. */
        public String printableUrl() {
            return printable(url);
        }

        static String printable(String url) {
            return URL_PASSWORD.matcher(url).replaceAll("$1***");
        }

        /** Keeps the password out of every printed form of the settings. */
        @Override
        public String toString() {
            return "Server[url=" + printableUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                    + ", poolSize=" + poolSize + ", node=" + node + ", lease=" + lease + "]";
        }
    }

    /**
     * {@code infrastructure.storage.ledger}.
     *
     * @param enabled          whether writes are recorded and deduplicated at all
     * @param maxWritesPerRun  a run that tries more writes than this has the rest refused (1,000 by default)
     * @param maxWritesPerTicket writes to one ticket within {@code window} beyond this are refused (20 by default)
     * @param window           the period the per-ticket cap counts over (1 hour by default)
     * @param alwaysWrite      ids of steps whose writes are never skipped as duplicates (still recorded and capped)
     */
    public record LedgerSettings(boolean enabled, int maxWritesPerRun, int maxWritesPerTicket, Duration window,
                                 Set<String> alwaysWrite) {

        public LedgerSettings {
            alwaysWrite = Set.copyOf(alwaysWrite);
        }

        public static LedgerSettings defaults() {
            return new LedgerSettings(true, 1_000, 20, Duration.ofHours(1), Set.of());
        }
    }
}
