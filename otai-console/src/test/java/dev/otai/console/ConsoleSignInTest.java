package dev.otai.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets in and what they may do: sign-in, the session cookie, CSRF on actions, the Host check. */
class ConsoleSignInTest {

    @TempDir
    static Path dir;
    static RunningConsole console;

    @BeforeAll
    static void start() throws Exception {
        console = RunningConsole.quickstartLike(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        console.close();
    }

    @Test
    void every_page_without_a_session_redirects_to_sign_in_and_shows_no_data() throws Exception {
        try (var client = new ConsoleClient(console)) {
            for (String path : new String[] {"/console", "/console/runs", "/console/runs/abc", "/console/tickets?id=T-0001",
                    "/console/classification", "/console/classification/corrections", "/console/actions"}) {
                HttpResponse<String> answer = client.get(path);
                assertThat(answer.statusCode()).as(path).isEqualTo(303);
                assertThat(answer.headers().firstValue("Location")).as(path).hasValue("/console/sign-in");
                assertThat(answer.body()).as(path).doesNotContain("T-0001").doesNotContain("first_pass");
            }
        }
    }

    @Test
    void a_wrong_token_is_refused_with_401_and_no_cookie() throws Exception {
        try (var client = new ConsoleClient(console)) {
            HttpResponse<String> answer = client.signIn("not-the-token-at-all-000");
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(answer.body()).contains("That token is not the console&#39;s token");
            assertThat(client.get("/console").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void the_right_token_opens_a_session_in_an_http_only_same_site_strict_cookie() throws Exception {
        try (var client = new ConsoleClient(console)) {
            HttpResponse<String> answer = client.signIn(RunningConsole.TOKEN);
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(ConsoleClient.cookieAttributes(answer)).contains("HttpOnly", "SameSite=Strict", "Path=/console")
                    .doesNotContain("Secure");
            assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain(RunningConsole.TOKEN);
            HttpResponse<String> overview = client.get("/console");
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("first_pass").contains("every_minute").doesNotContain(RunningConsole.TOKEN);
            assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        }
    }

    @Test
    void the_cookie_is_secure_when_the_request_came_over_https() throws Exception {
        try (var client = new ConsoleClient(console)) {
            HttpResponse<String> answer = client.send(client.request("/console/sign-in").header("X-Forwarded-Proto", "https")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + RunningConsole.TOKEN)));
            assertThat(ConsoleClient.cookieAttributes(answer)).contains("Secure", "HttpOnly", "SameSite=Strict");
        }
    }

    @Test
    void an_action_without_its_csrf_token_is_refused_and_fires_nothing() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            int runs = console.finished.size();
            HttpResponse<String> answer = client.post("/console/actions/fire", Map.of("trigger", "route_now"));
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("CSRF token is missing or wrong");
            HttpResponse<String> wrong = client.post("/console/actions/fire", Map.of("trigger", "route_now", "csrf", "guess"));
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(console.engine.runners().status().stream().mapToInt(s -> s.running() + s.queued()).sum()).isZero();
            assertThat(console.finished).hasSize(runs);
        }
    }

    @Test
    void an_action_without_a_session_is_refused() throws Exception {
        try (var client = new ConsoleClient(console)) {
            HttpResponse<String> answer = client.post("/console/actions/fire", Map.of("trigger", "route_now", "csrf", "x"));
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("Sign in first");
        }
    }

    @Test
    void firing_the_manual_trigger_with_the_csrf_token_runs_its_runner() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            long before = console.finished.stream().filter(f -> f.runnerId().equals("every_minute")).count();
            HttpResponse<String> answer = client.post("/console/actions/fire",
                    Map.of("trigger", "route_now", "csrf", client.csrf("/console/actions")));
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).hasValue("/console/runs?fired=route_now");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    console.finished.stream().filter(f -> f.runnerId().equals("every_minute")).count() > before);
            assertThat(client.get("/console/runs?runner=every_minute").body()).contains("route_now");
        }
    }

    @Test
    void firing_a_trigger_that_is_not_a_manual_trigger_is_refused_by_name() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            HttpResponse<String> answer = client.post("/console/actions/fire",
                    Map.of("trigger", "minute", "csrf", client.csrf("/console/actions")));
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("&#39;trigger&#39; was &quot;minute&quot;; expected one of the manual triggers: route_now");
        }
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            String csrf = client.csrf("/console");
            assertThat(client.post("/console/sign-out", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
            assertThat(client.get("/console").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void a_foreign_host_header_is_refused_before_the_console_answers() throws Exception {
        // a raw request: the JDK client will not send a Host header of our choosing (DNS rebinding sends one)
        try (var socket = new java.net.Socket("127.0.0.1", console.server.port())) {
            socket.getOutputStream().write(("GET /console/sign-in HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain("Access token");
        }
    }

    @Test
    void a_bad_filter_value_is_named_with_what_was_expected() throws Exception {
        try (var client = new ConsoleClient(console).signedIn()) {
            HttpResponse<String> answer = client.get("/console/runs?from=yesterday&outcome=great");
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("&#39;from&#39; was &quot;yesterday&quot;; expected a date (2026-12-06)")
                    .contains("&#39;outcome&#39; was &quot;great&quot;; expected one of succeeded, failed");
        }
    }
}
