package dev.otai.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without the browser: GETs and form POSTs with the session cookie, redirects not followed. */
final class ConsoleClient implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final RunningConsole console;
    private String cookie;

    ConsoleClient(RunningConsole console) {
        this.console = console;
    }

    /** Signs in with {@code token}; returns the answer (303 and a cookie on success). */
    HttpResponse<String> signIn(String token) throws Exception {
        HttpResponse<String> answer = post("/console/sign-in", Map.of("token", token));
        answer.headers().firstValue("Set-Cookie").ifPresent(header -> cookie = header.substring(0, header.indexOf(';')));
        return answer;
    }

    ConsoleClient signedIn() throws Exception {
        signIn(RunningConsole.TOKEN);
        return this;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.base() + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    /** The CSRF token of the forms on {@code path}. */
    String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path);
        }
        return m.group(1);
    }

    static List<String> cookieAttributes(HttpResponse<?> answer) {
        return List.of(answer.headers().firstValue("Set-Cookie").orElse("").split(";\\s*"));
    }

    @Override
    public void close() {
        http.close();
    }
}
