package dev.otai.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.HttpSettings;
import dev.otai.testkit.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests a hostile client can send to the engine's HTTP server on loopback: malformed credentials, replayed
 * signatures, non-JSON bodies, foreign Host headers, random trigger ids; each gets the exact safe answer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileHttpRequestTest {

    private static final String CONFIG = """
            otai:
              orchestrator:
                runners:
                  - id: hooked
                    on: [{ id: hook, use: base:WebhookTrigger, params: { secret: s3cret } }]
                    run: { id: show, use: base:ExpressionPipe, params: { expression: "{{ event.headers }}" } }
                  - id: manual
                    on: [{ id: rebuild, use: base:ManualTrigger, params: { token: t0ken } }]
                    run: { id: rebuilt, use: base:ExpressionPipe, params: { expression: "{{ trigger }}" } }
            """;

    private final FakeClock clock = new FakeClock();
    private RunningEngine running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.close();
        }
    }

    private RunningEngine start() {
        running = new RunningEngine(CONFIG, clock);
        return running;
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String zendeskSignature(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformed_or_foreign_credentials_are_401_never_500() throws Exception {
        start();
        List<Map<String, String>> malformed = List.of(
                Map.of("Authorization", "Basic !!!not-base64"),
                Map.of("Authorization", basic("no-colon-here")),
                Map.of("Authorization", "Basic"),
                Map.of("Authorization", "Digest username=\"otobo\""),
                Map.of("Authorization", "Bearer"),
                Map.of("Authorization", basic("otobo:wrong")),
                Map.of("X-Hub-Signature", "md5=abc"),
                Map.of("X-Hub-Signature", "sha1=zz"),
                Map.of("X-Zendesk-Webhook-Signature", "abc"),
                Map.of("X-Zendesk-Webhook-Signature", "abc", "X-Zendesk-Webhook-Signature-Timestamp", "yesterday"),
                Map.of("X-Otai-Token", "S3CRET"));
        for (Map<String, String> headers : malformed) {
            HttpResponse<String> answer = running.post("/hooks/hook", "{}", headers);
            assertThat(answer.statusCode()).as("%s", headers.keySet()).isEqualTo(401);
            assertThat(answer.body()).startsWith("{\"error\":").doesNotContain("Exception").doesNotContain("s3cret");
        }
        assertThat(running.post("/hooks/hook", "{}", Map.of("Authorization", basic("otobo:s3cret"))).statusCode()).isEqualTo(202);
    }

    @Test
    void zendesk_signatures_older_or_newer_than_five_minutes_are_401() throws Exception {
        start();
        String body = "{\"ticket\":{\"id\":7}}";
        for (String timestamp : List.of("2026-01-05T08:54:59Z", "2026-01-05T09:05:01Z")) {
            var answer = running.post("/hooks/hook", body, Map.of("X-Zendesk-Webhook-Signature", zendeskSignature(timestamp, body),
                    "X-Zendesk-Webhook-Signature-Timestamp", timestamp));
            assertThat(answer.statusCode()).as(timestamp).isEqualTo(401);
            assertThat(answer.body()).contains("replay");
        }
        String fresh = "2026-01-05T08:56:00Z";
        assertThat(running.post("/hooks/hook", body, Map.of("X-Zendesk-Webhook-Signature", zendeskSignature(fresh, body),
                "X-Zendesk-Webhook-Signature-Timestamp", fresh)).statusCode()).isEqualTo(202);

        clock.advance(Duration.ofMinutes(10));
        assertThat(running.post("/hooks/hook", body, Map.of("X-Zendesk-Webhook-Signature", zendeskSignature(fresh, body),
                "X-Zendesk-Webhook-Signature-Timestamp", fresh)).statusCode()).as("the same request replayed later").isEqualTo(401);
    }

    @Test
    void credentials_never_reach_the_recorded_event() throws Exception {
        start();
        running.post("/hooks/hook", "{}", Map.of("Authorization", "Bearer s3cret", "Cookie", "session=abc",
                "X-Api-Key", "k-1", "X-Custom-Session-Token", "z-2", "X-Zammad-Delivery", "d-9", "X-Trace", "keep"));
        running.post("/hooks/hook", "{}", Map.of("X-Otai-Token", "s3cret", "X-Trace", "keep"));
        running.post("/hooks/hook", "{}", Map.of("Authorization", basic("otobo:s3cret"), "X-Trace", "keep"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> running.finished.size() == 3);

        for (Object headers : running.values()) {
            assertThat(headers).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) headers).keySet().stream().map(Object::toString).toList()).contains("x-trace", "content-type")
                    .doesNotContain("authorization", "cookie", "x-api-key", "x-custom-session-token", "x-otai-token");
            assertThat(headers.toString()).doesNotContain("s3cret").doesNotContain("abc").doesNotContain("k-1");
        }
    }

    @Test
    void only_json_bodies_are_taken_by_hooks_and_manual_triggers() throws Exception {
        start();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=iso-8859-1", "application/jsonp")) {
            var request = HttpRequest.newBuilder(running.uri("/hooks/rebuild")).header("Content-Type", type)
                    .header("X-Otai-Token", "t0ken").POST(HttpRequest.BodyPublishers.ofString("{}"));
            assertThat(running.send(request).statusCode()).as(type).isEqualTo(415);
        }
        var untyped = HttpRequest.newBuilder(running.uri("/hooks/rebuild")).header("X-Otai-Token", "t0ken")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(running.send(untyped).statusCode()).isEqualTo(415);
        var utf8 = HttpRequest.newBuilder(running.uri("/hooks/rebuild")).header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Otai-Token", "t0ken").POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(running.send(utf8).statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> running.finished.size() == 1);
        assertThat(running.values()).containsExactly("rebuild");
    }

    @Test
    void manual_triggers_need_their_token() throws Exception {
        start();
        assertThat(running.post("/hooks/rebuild", "{}", Map.of()).statusCode()).isEqualTo(401);
        assertThat(running.post("/hooks/rebuild", "{}", Map.of("X-Otai-Token", "wrong")).statusCode()).isEqualTo(401);
        assertThat(running.post("/hooks/rebuild", "{}", Map.of("X-Otai-Token", "t0ken")).statusCode()).isEqualTo(202);
        assertThat(running.post("/hooks/rebuild", "{}", Map.of("Authorization", "Bearer t0ken")).statusCode()).isEqualTo(202);
    }

    @Test
    void a_foreign_host_header_is_refused_on_a_loopback_server() throws Exception {
        start();
        assertThat(raw("POST", "/hooks/hook", "evil.example:" + running.server.port())).startsWith("HTTP/1.1 403");
        assertThat(raw("GET", "/metrics", "evil.example")).startsWith("HTTP/1.1 403");
        assertThat(raw("GET", "/health", "127.0.0.1.evil.example")).startsWith("HTTP/1.1 403");
        assertThat(raw("POST", "/hooks/hook", "localhost:" + running.server.port())).startsWith("HTTP/1.1 202");
        assertThat(raw("POST", "/hooks/hook", "[::1]:" + running.server.port())).startsWith("HTTP/1.1 202");
    }

    @Test
    void allowed_hosts_adds_names_and_refuses_the_rest() throws Exception {
        running = new RunningEngine(CONFIG, clock, new HttpSettings("127.0.0.1", 0, 4096, List.of("otai.example.com")));
        assertThat(raw("GET", "/health", "otai.example.com")).startsWith("HTTP/1.1 200");
        assertThat(raw("GET", "/health", "OTAI.example.com:8080")).startsWith("HTTP/1.1 200");
        assertThat(raw("GET", "/health", "other.example.com")).startsWith("HTTP/1.1 403");
        assertThat(raw("GET", "/health", "127.0.0.1")).startsWith("HTTP/1.1 200");
    }

    @Test
    void three_thousand_posts_to_random_ids_leave_metrics_the_same_size() throws Exception {
        start();
        assertThat(running.post("/hooks/" + UUID.randomUUID(), "{}", Map.of()).statusCode()).isEqualTo(404);
        List<String> before = series(running.scrape());
        for (int i = 0; i < 3000; i++) {
            assertThat(running.post("/hooks/" + UUID.randomUUID(), "{}", Map.of()).statusCode()).isEqualTo(404);
        }
        String after = running.scrape();
        assertThat(series(after)).as("the same series, only their values change").isEqualTo(before);
        assertThat(after).contains("otai_webhook_events_total{status=\"404\",trigger=\"unknown\"} 3001.0");
    }

    /** The series of a scrape (name and labels, without the value), in order. */
    private static List<String> series(String scrape) {
        return scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.substring(0, line.lastIndexOf(' '))).toList();
    }

    /** One request over a plain socket, so that the Host header can be anything; returns the whole answer. */
    private String raw(String method, String path, String host) throws IOException {
        try (var socket = new Socket("127.0.0.1", running.server.port())) {
            socket.setSoTimeout(10_000);
            String body = method.equals("POST") ? "{}" : "";
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "X-Otai-Token: s3cret\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
