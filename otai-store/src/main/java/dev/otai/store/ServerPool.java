package dev.otai.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.otai.core.config.StorageSettings.Server;
import java.time.Duration;

/** The pool of connections to clustered mode's PostgreSQL database (HikariCP). */
final class ServerPool {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);

    private ServerPool() {
    }

    /** Opens the pool with one connection made at once, so that a wrong url, user or password fails here, clearly. */
    static HikariDataSource open(Server server) {
        var config = new HikariConfig();
        config.setPoolName("otai-store");
        config.setJdbcUrl(server.url());
        if (!server.user().isEmpty()) {
            config.setUsername(server.user());
        }
        if (!server.password().isEmpty()) {
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(server.poolSize());
        config.setMinimumIdle(Math.min(2, server.poolSize()));
        config.setConnectionTimeout(CONNECT_WAIT.toMillis());
        config.setInitializationFailTimeout(CONNECT_WAIT.toMillis());
        config.addDataSourceProperty("ApplicationName", "otai " + server.node());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the PostgreSQL store at " + server.printableUrl()
                    + (server.user().isEmpty() ? "" : " as user '" + server.user() + "'") + ": " + rootMessage(e)
                    + "; expected a reachable server and database, and the right infrastructure.storage.url, user and "
                    + "password", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
