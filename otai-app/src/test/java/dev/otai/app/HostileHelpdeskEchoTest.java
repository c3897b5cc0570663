package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.otobo.FakeOtobo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A helpdesk that quotes each request, credentials included, in its error answers. Through the real CLI (run,
 * runs, runs show, check-connection), with the log the user configures, the run history and the store file on
 * disk: no form of the password (raw, URL-encoded with {@code +} or {@code %20}, JSON-escaped, base64, Basic
 * {@code user:password}) appears anywhere, while the rest of the answer does. The two-character password changes
 * under JSON escaping, so only the redactor (not the helpdesk plugin's own scrubbing) can catch its echo.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileHelpdeskEchoTest {

    private static final String USER = "agent";
    private static final Pattern RUN_ROW = Pattern.compile("^(\\w{8}) +\\S+ \\S+ +router +failed", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @ParameterizedTest(name = "password {0} over {1}")
    @CsvSource(delimiter = '|', value = {
            "p@ss w/\"rd+1 | GET",
            "p@ss w/\"rd+1 | POST",
            "Q\"           | GET",
            "Q\"           | POST"})
    void an_echoing_helpdesk_never_gets_the_password_into_any_output_or_store_file(String password, String method)
            throws IOException {
        fake.user(USER, password).echoRequests(true).route("TicketSearch", "/ticket-search", false, method);
        Path config = writeConfig(password, method);
        var outputs = new ArrayList<String>();

        String run = otai(outputs, 1, "run", "--once", "--config", config.toString());
        String list = otai(outputs, 0, "runs", "--config", config.toString());
        Matcher row = RUN_ROW.matcher(list);
        assertThat(row.find()).as(list).isTrue();
        String show = otai(outputs, 0, "runs", "show", row.group(1), "--config", config.toString());
        String check = otai(outputs, 1, "check-connection", "--config", config.toString());
        outputs.add(Files.readString(dir.resolve("otai.log")));
        outputs.add(printableText(dir.resolve("otai-data")));

        assertThat(fake.requests()).as("the helpdesk really was sent the password")
                .anySatisfy(r -> assertThat(r.query() + r.body()).contains(method.equals("GET")
                        ? URLEncoder.encode(password, StandardCharsets.UTF_8) : password.replace("\"", "\\\"")));
        assertThat(run).contains("router").contains("failed").contains("TicketSearch.InvalidParameter")
                .contains("cannot process " + method + " /otobo/nph-genericinterface.pl/Webservice/OpenTicketAI/ticket-search");
        assertThat(show).contains("Run " + row.group(1) + " of runner 'router'").contains("cannot process " + method);
        assertThat(check).contains("FAILED  otobo: ").contains("cannot process " + method);
        assertThat(outputs.get(4)).contains("TicketSearch.InvalidParameter");
        assertThat(outputs.get(5)).contains("TicketSearch.InvalidParameter");
        for (String form : forms(password)) {
            Pattern leak = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(form) + "(?![A-Za-z0-9_])");
            for (int i = 0; i < outputs.size(); i++) {
                assertThat(leak.matcher(outputs.get(i)).find()).as("form <%s> in output %d:%n%s", form, i, outputs.get(i))
                        .isFalse();
            }
        }
    }

    /** Every form the password takes in a request: as is, form- and percent-encoded, JSON-escaped, base64. */
    private static List<String> forms(String password) {
        String form = URLEncoder.encode(password, StandardCharsets.UTF_8);
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] basic = (USER + ":" + password).getBytes(StandardCharsets.UTF_8);
        return Stream.of(password, form, form.replace("+", "%20"), form.toLowerCase(Locale.ROOT),
                        password.replace("\"", "\\\""), Base64.getEncoder().encodeToString(bytes),
                        Base64.getEncoder().encodeToString(basic))
                .distinct().toList();
    }

    private Path writeConfig(String password, String method) throws IOException {
        String yaml = """
                open_ticket_ai:
                  infrastructure:
                    logging: { level: DEBUG, file: "LOG_FILE" }
                    storage: { data_dir: "DATA_DIR" }
                  services:
                    otobo:
                      use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                      params:
                        base_url: "BASE_URL"
                        username: "agent"
                        password: 'PASSWORD'
                        operation_methods: { TicketSearch: METHOD }
                        max_attempts: 1
                  orchestrator:
                    runners:
                      - id: router
                        run:
                          id: fetch
                          use: "base:FetchTicketsPipe"
                          injects: { ticket_system: otobo }
                          params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 5 } }
                """
                .replace("LOG_FILE", slashes(dir.resolve("otai.log")))
                .replace("DATA_DIR", slashes(dir.resolve("otai-data")))
                .replace("BASE_URL", fake.baseUrl())
                .replace("PASSWORD", password.replace("'", "''"))
                .replace("METHOD", method);
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String slashes(Path path) {
        return path.toString().replace("\\", "/");
    }

    /** Runs the CLI, adds what it printed (output and errors) to {@code outputs} and returns it. */
    private static String otai(List<String> outputs, int expectedExit, String... args) {
        var text = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(text));
        cli.setErr(new PrintWriter(text));
        int exit = cli.execute(args);
        assertThat(exit).as(String.join(" ", args) + ":\n" + text).isEqualTo(expectedExit);
        outputs.add(text.toString());
        return text.toString();
    }

    /** The printable runs of at least four bytes in every file under {@code directory}, one per line, as {@code strings} shows them. */
    private static String printableText(Path directory) throws IOException {
        var out = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var run = new ByteArrayOutputStream();
                for (byte b : Files.readAllBytes(file)) {
                    if (b >= 0x20 && b < 0x7f) {
                        run.write(b);
                    } else {
                        flush(run, out);
                    }
                }
                flush(run, out);
            }
        }
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream run, StringBuilder out) {
        if (run.size() >= 4) {
            out.append(run.toString(StandardCharsets.US_ASCII)).append('\n');
        }
        run.reset();
    }
}
