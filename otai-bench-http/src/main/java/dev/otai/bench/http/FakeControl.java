package dev.otai.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The harness's side of {@link FakeOtoboMain}'s control port, and the process the fake runs in (for its CPU). */
final class FakeControl implements AutoCloseable {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String url;
    private final long pid;

    FakeControl(String url, long pid) {
        this.url = url;
        this.pid = pid;
    }

    /** An empty fake on a new port with {@code n} tickets in {@code Incoming}; answers its base URL. */
    String fresh(int n) throws IOException, InterruptedException {
        return call("POST", "/fresh?n=" + n);
    }

    /** Blocks until the first request of the round arrived; false after {@code timeout}. */
    boolean awaitFirstRequest(Duration timeout) throws IOException, InterruptedException {
        return call("GET", "/await?for=first&timeout_ms=" + timeout.toMillis()).equals("ok");
    }

    /** Blocks until every seeded ticket is routed; the fake's answer ({@code ok}, or how many were) after {@code timeout}. */
    String awaitRouted(Duration timeout) throws IOException, InterruptedException {
        return call("GET", "/await?for=routed&timeout_ms=" + timeout.toMillis());
    }

    RoundStats stats() throws IOException, InterruptedException {
        return RoundStats.parseLine(call("GET", "/stats"));
    }

    Traffic traffic() throws IOException, InterruptedException {
        return Traffic.parseLine(call("GET", "/traffic"));
    }

    long cpuNs() throws IOException {
        return ProcStat.cpuNs(pid);
    }

    private String call(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("fake control " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        client.close();
    }
}
