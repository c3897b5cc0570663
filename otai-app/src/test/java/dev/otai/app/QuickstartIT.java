package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.TicketQuery;
import dev.otai.store.Store;
import dev.otai.store.tickets.LocalTicketSystem;
import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the quickstart as a new user would: the runnable jar the launcher runs, a fresh data directory, stopped by
 * SIGTERM after its first pass. An integration test: it needs the packaged jar.
 */
@ExtendWith(ReapChildProcesses.class)
class QuickstartIT {

    @TempDir
    Path dir;

    /** The address the quickstart printed and the token file it named lead into a console that lists the first pass. */
    private static void consoleShowsTheQuickstartRuns(String printed, Path data) throws Exception {
        Path tokenFile = data.resolve("console-token");
        Matcher line = Pattern.compile("Web console: (http://127\\.0\\.0\\.1:\\d+/console)  \\(sign in with the token in "
                + Pattern.quote(tokenFile.toString()) + "\\)").matcher(printed);
        assertThat(line.find()).as("the console's address and token file are printed: %s", printed).isTrue();
        assertThat(Files.getPosixFilePermissions(tokenFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        String token = Files.readString(tokenFile).strip();
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(line.group(1) + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(303);
            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> runs = http.send(HttpRequest.newBuilder(URI.create(line.group(1) + "/runs?runner=first_pass"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(runs.statusCode()).isEqualTo(200);
            assertThat(runs.body()).contains("<td>first_pass</td>").contains("<td>startup</td>");
        }
    }

    @Test
    void quickstart_routes_every_sample_ticket_out_of_incoming_and_stops_cleanly_also_when_its_port_is_taken() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path output = dir.resolve("quickstart.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = repository.resolve("otai-app/target/otai.jar");
        // inside the repository, as for a user who runs ./otai quickstart there: no path under it may print as ***
        Path data = Files.createTempDirectory(repository.resolve("otai-app/target"), "quickstart-it").resolve("otai-data");
        var builder = new ProcessBuilder(java, "-Dotai.home=" + repository, "-jar", jar.toString(),
                "quickstart", "--data-dir", data.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("OTAI_CONSOLE_TOKEN");
        builder.environment().remove("OTAI__INFRASTRUCTURE__HTTP__PORT");
        // the config's port taken (held here, or by whatever else holds it): the quickstart takes a free one instead
        try (ServerSocket busy = holdIfFree(QuickstartCommand.PORT)) {
            Process engine = builder.start();
            routesEveryTicketAndStops(engine, output, data);
        }
    }

    private static ServerSocket holdIfFree(int port) {
        try {
            var socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            return null; // taken already
        }
    }

    private static void routesEveryTicketAndStops(Process engine, Path output, Path data) throws Exception {

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !engine.isAlive() || Files.readString(output).contains("Ctrl-C stops."));
        assertThat(engine.isAlive()).as("the quickstart exited early: %s", Files.readString(output)).isTrue();
        consoleShowsTheQuickstartRuns(Files.readString(output), data);
        engine.destroy(); // SIGTERM

        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(output);
        assertThat(engine.exitValue()).as(log).isZero();
        assertThat(log).contains("Routing 720 tickets from queue Incoming").contains("Routed: 720/720")
                .containsPattern("Accuracy against the sample set's labels: \\d+\\.\\d %")
                .contains("(data in " + data + ")").doesNotContain("***")
                .contains("See every run, ticket and classification in the web console: http://127.0.0.1:")
                .contains("Port 8080 is in use, so the console listens on a free port this time")
                .doesNotContain("http://127.0.0.1:8080/");
        try (Store store = Store.openEmbedded(data, InstantSource.system())) {
            var tickets = new LocalTicketSystem(store);
            assertThat(tickets.count()).isEqualTo(720);
            assertThat(tickets.find(TicketQuery.inQueue("Incoming", 1000))).isEmpty();
        }
    }
}
