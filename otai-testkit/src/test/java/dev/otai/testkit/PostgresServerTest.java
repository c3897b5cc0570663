package dev.otai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void each_fresh_database_is_empty_and_apart_from_the_others() throws Exception {
        var server = PostgresServer.shared();
        var first = server.freshDatabase();
        var second = server.freshDatabase();

        try (var c = first.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE marks (id INT PRIMARY KEY)");
            s.executeUpdate("INSERT INTO marks VALUES (1)");
        }

        assertThat(first.url()).isNotEqualTo(second.url());
        try (var c = DriverManager.getConnection(second.url(), second.user(), second.password());
                var s = c.createStatement();
                var tables = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void the_shared_server_is_one_per_jvm() {
        assertThat(PostgresServer.shared()).isSameAs(PostgresServer.shared());
    }

    @Test
    void a_server_whose_jvm_is_gone_is_stopped_and_deleted_by_the_next_start() throws Exception {
        PostgresServer.shared(); // skips (or fails where required) without PostgreSQL
        var bin = LocalPostgres.findBinaries();
        assumeTrue(bin.isPresent(), "the shared server is an external one");
        var orphan = LocalPostgres.start(bin.get());
        Path directory = orphan.directory();
        var gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(directory.resolve("owner"), gone.pid() + " 1970-01-01T00:00:00Z");

        var next = LocalPostgres.start(bin.get());
        try {
            assertThat(directory).doesNotExist();
            assertThatThrownBy(() -> DriverManager.getConnection(orphan.serverUrl() + "/postgres", LocalPostgres.USER, ""))
                    .isInstanceOf(SQLException.class);
            try (var c = DriverManager.getConnection(next.serverUrl() + "/postgres", LocalPostgres.USER, "")) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            next.stopAndDelete();
        }
    }
}
