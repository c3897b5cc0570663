package dev.otai.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ticket text is written by strangers and reaches every console page: subjects with script and markup, terminal
 * escape sequences and bidi overrides, labels with markup (so queue names and notes carry it too). Every page must
 * show it as text, never as markup, with the invisible characters made visible, and show no secret.
 */
class HostileConsoleTextTest {

    private static final String SCRIPT = "<script>alert('x')</script> invoice";
    private static final String IMG = "\"><img src=x onerror=alert(1)> vpn";
    private static final String TERMINAL = "\u001b]0;pwned\u0007\u001b[2J parcel \u202eevil";
    private static final String LABEL = "<b>Billing</b>";

    @TempDir
    static Path dir;
    static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        String tickets = String.join("\n",
                "{\"id\": \"T-0001\", \"subject\": " + json(SCRIPT) + ", \"body\": \"pay\"}",
                "{\"id\": \"T-0002\", \"subject\": " + json(IMG) + ", \"body\": \"net\"}",
                "{\"id\": \"T-0003\", \"subject\": " + json(TERMINAL) + ", \"body\": \"box\"}") + "\n";
        console = new RunningConsole(dir, tickets, "[\"<b>Billing</b>\", IT, \"Ship</td><script>x()</script>\"]",
                "{invoice: \"<b>Billing</b>\", vpn: IT, parcel: \"Ship</td><script>x()</script>\"}");
    }

    @AfterAll
    static void stop() throws Exception {
        console.close();
    }

    @Test
    void no_page_carries_ticket_markup_controls_or_secrets() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            String firstRun = console.finished.getFirst().runId();
            for (String path : List.of("/console", "/console/runs", "/console/runs/" + firstRun, "/console/tickets?id=T-0001",
                    "/console/tickets?id=T-0002", "/console/tickets?id=T-0003", "/console/classification",
                    "/console/classification/corrections", "/console/actions", "/console/runs?ticket=%3Cscript%3E")) {
                HttpResponse<String> page = client.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                String body = page.body();
                assertThat(body).as(path)
                        .doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>")
                        .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
                        .doesNotContain(RunningConsole.TOKEN).doesNotContain(RunningConsole.TRIGGER_TOKEN)
                        .doesNotContain(RunningConsole.NOTE_SECRET);
                assertThat(body.split("<script", -1)).as(path + ": only the console's own script").hasSize(2);
            }
        }
    }

    @Test
    void ticket_text_shows_as_the_text_it_is() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            assertThat(client.get("/console/tickets?id=T-0001").body())
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; invoice")
                    .contains("Classified</strong>: confidence")
                    .contains("&lt;b&gt;Billing&lt;/b&gt;");
            assertThat(client.get("/console/tickets?id=T-0002").body()).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; vpn");
            assertThat(client.get("/console/tickets?id=T-0003").body()).contains("\\u001B]0;pwned\\u0007\\u001B[2J parcel \\u202Eevil");
        }
    }

    @Test
    void the_note_written_with_a_secret_shows_the_secret_masked() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            assertThat(client.get("/console/tickets?id=T-0002").body()).contains("(ref ***)");
        }
    }

    private static String json(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
