package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.testkit.FakeClock;
import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the store leaves on disk and on the network: private files, and a server port on loopback only. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoreFilesTest {

    private static final List<String> STORE_FILES = List.of("otai.mv.db", "store.key", "otai.lock.db", "engine.lock", RedoLog.FILE);

    @TempDir
    Path dir;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void a_data_directory_otai_creates_is_private_and_so_is_every_file_in_it() throws IOException {
        Path data = dir.resolve("var/lib/otai");

        try (EngineLock lock = EngineLock.acquire(data); Store store = Store.openEmbedded(data, new FakeClock())) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            for (String name : STORE_FILES) {
                assertThat(permissions(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
            assertThat(data.resolve("otai.trace.db")).doesNotExist();
        }
    }

    @Test
    void a_shared_existing_directory_is_kept_with_a_warning_naming_it_and_the_files_in_it_are_private() throws IOException {
        Path data = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        var logs = new ListAppender<ILoggingEvent>();
        logs.start();
        var logger = (Logger) LoggerFactory.getLogger(PrivateFiles.class);
        logger.addAppender(logs);

        try (EngineLock lock = EngineLock.acquire(data); Store store = Store.openEmbedded(data, new FakeClock())) {
            assertThat(permissions(data)).isEqualTo("rwxrwxrwx");
            for (String name : STORE_FILES) {
                assertThat(permissions(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).startsWith("data directory " + data + " is accessible to its group "
                    + "or others (rwxrwxrwx)").endsWith("run chmod 700 " + data);
        });
    }

    @Test
    void store_files_left_readable_by_others_are_made_private_when_the_store_opens() throws IOException {
        Path data = dir.resolve("data");
        Store.openEmbedded(data, new FakeClock()).close();
        for (String name : List.of("otai.mv.db", "store.key")) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (Store store = Store.openEmbedded(data, new FakeClock())) {
            assertThat(permissions(data.resolve("otai.mv.db"))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("store.key"))).isEqualTo("rw-------");
        }
    }

    @Test
    void the_port_through_which_other_processes_read_the_store_listens_on_loopback_only() throws IOException {
        try (Store store = Store.openEmbedded(dir, new FakeClock())) {
            int port = serverPort(dir.resolve("otai.lock.db"));

            Path procTcp = Path.of("/proc/net/tcp");
            if (Files.isReadable(procTcp)) {
                List<String> listening = listeningAddresses(port);
                assertThat(listening).as("sockets listening on port %d", port).isNotEmpty()
                        .allSatisfy(address -> assertThat(address).isIn(LOOPBACK_IN_PROC_NET));
            }
            for (InetAddress address : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> {
                    try (var socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, port), 2_000);
                    }
                }).as("connect to %s:%d", address, port).isInstanceOf(ConnectException.class);
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    /** 127.0.0.1 in /proc/net/tcp; ::ffff:127.0.0.1 and ::1 in /proc/net/tcp6 (each 32-bit word little-endian). */
    private static final Set<String> LOOPBACK_IN_PROC_NET = Set.of("0100007F", "0000000000000000FFFF00000100007F",
            "00000000000000000000000001000000");

    private static int serverPort(Path lockFile) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(lockFile)) {
            properties.load(in);
        }
        String server = properties.getProperty("server");
        assertThat(server).as("server address in H2's lock file").isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        var addresses = new ArrayList<String>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                if (local[1].equals(hexPort) && columns[3].equals("0A")) { // 0A: LISTEN
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        var addresses = new ArrayList<InetAddress>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(addresses::add);
            }
        }
        Assumptions.assumeTrue(!addresses.isEmpty() || Files.isReadable(Path.of("/proc/net/tcp")),
                "needs a non-loopback interface or /proc/net to tell where the port listens");
        return addresses;
    }
}
