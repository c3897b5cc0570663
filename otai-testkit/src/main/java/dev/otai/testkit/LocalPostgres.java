package dev.otai.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's binaries: a data directory in a temporary directory, listening on
 * 127.0.0.1 on a free port with its unix socket beside the data, {@code fsync=off}, trust authentication for the
 * superuser {@value #USER}. PostgreSQL refuses to run as root, so a root JVM runs it as the {@code postgres} user.
 *
 * <p>The server is started with {@code pg_ctl}, so it is not a child of the JVM (a test's child-process reaper leaves it
 * alone). It is stopped and its directory deleted at JVM exit. A JVM that is killed cannot do that, so every start
 * first stops and deletes the servers whose JVM is gone: an old server never blocks a new one, and none lingers.
 */
final class LocalPostgres {

    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    static final String USER = "otai";
    private static final String OWNER_FILE = "owner";
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(90);
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(2);

    private final Path bin;
    private final Path directory;
    private final int port;

    private LocalPostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** The newest installed version's bin directory, if any. */
    static Optional<Path> findBinaries() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static LocalPostgres start(Path bin) throws IOException {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "otai-postgres");
        Files.createDirectories(parent);
        parent.toFile().setReadable(true, false);
        parent.toFile().setExecutable(true, false);
        reapAbandoned(bin, parent);
        Path directory = Files.createTempDirectory(parent, "pg-" + ProcessHandle.current().pid() + "-");
        Files.writeString(directory.resolve(OWNER_FILE), ownerLine(ProcessHandle.current()));
        if (runsAsRoot()) {
            var postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        var server = new LocalPostgres(bin, directory, freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "stop-test-postgres"));
        server.initAndStart();
        return server;
    }

    Path directory() {
        return directory;
    }

    String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port;
    }

    private void initAndStart() throws IOException {
        Path data = directory.resolve("data");
        run(bin, directory, "initdb", "-D", data.toString(), "-U", USER, "--auth=trust", "--encoding=UTF8",
                "--locale=C", "--no-sync", "--no-instructions");
        String options = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + directory
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        run(bin, directory, "pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(),
                "-o", options, "-w", "-t", "60", "start");
    }

    void stopAndDelete() {
        stopAndDelete(bin, directory);
    }

    private static void stopAndDelete(Path bin, Path directory) {
        Path data = directory.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run(bin, directory, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (IOException | RuntimeException e) {
                System.err.println("could not stop the test PostgreSQL in " + directory + ": " + e.getMessage());
            }
        }
        deleteRecursively(directory);
    }

    /** Stops and deletes the servers of JVMs that are gone (killed before their exit hook ran). */
    private static void reapAbandoned(Path bin, Path parent) throws IOException {
        List<Path> abandoned = new ArrayList<>();
        try (Stream<Path> directories = Files.list(parent)) {
            directories.filter(Files::isDirectory).filter(LocalPostgres::isAbandoned).forEach(abandoned::add);
        }
        abandoned.forEach(directory -> stopAndDelete(bin, directory));
    }

    private static boolean isAbandoned(Path directory) {
        try {
            Path owner = directory.resolve(OWNER_FILE);
            if (!Files.exists(owner)) {
                // a start that died before writing its owner, or one that is writing it right now
                return Files.getLastModifiedTime(directory).toInstant().isBefore(Instant.now().minus(ORPHAN_AGE));
            }
            String line = Files.readString(owner, StandardCharsets.UTF_8).strip();
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            return ProcessHandle.of(pid).map(LocalPostgres::ownerLine).filter(line::equals).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A process's pid and start time: a pid alone may have been reused by a newer process. */
    private static String ownerLine(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs one of the server's programs to its end, as the postgres user when this JVM is root. */
    private static void run(Path bin, Path directory, String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("otai-postgres-" + program, ".out");
        try {
            var process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + COMMAND_WAIT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " exited with " + process.exitValue() + ": "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(program + " was interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
