package dev.otai.ml.hf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A loopback server for hub download tests: answers each path with a fixed body or a redirect, 404 otherwise, and
 * records every request's path and {@code Authorization} header. {@link #https()} serves TLS with a test certificate
 * for 127.0.0.1 that {@link #trustingClient()} trusts.
 */
final class LoopbackHub implements AutoCloseable {

    /** One request as it arrived. */
    record Seen(String path, String authorization) {
    }

    private record Answer(int status, byte[] body, String location, boolean chunked) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private LoopbackHub(HttpServer server) {
        this.server = server;
        server.createContext("/", this::serve);
        server.start();
    }

    static LoopbackHub http() throws IOException {
        return new LoopbackHub(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static LoopbackHub https() throws Exception {
        var server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls()));
        return new LoopbackHub(server);
    }

    /** A client like the service's (no automatic redirects) that trusts the test certificate. */
    static HttpClient trustingClient() throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(tls()).build();
    }

    private static SSLContext tls() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = LoopbackHub.class.getResourceAsStream("/tls/loopback.p12")) {
            store.load(in, "loopback".toCharArray());
        }
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "loopback".toCharArray());
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    LoopbackHub serve(String path, byte[] body) {
        answers.put(path, new Answer(200, body, null, false));
        return this;
    }

    /** Serves {@code body} without {@code Content-Length}, so only counting the bytes can tell its size. */
    LoopbackHub serveChunked(String path, byte[] body) {
        answers.put(path, new Answer(200, body, null, true));
        return this;
    }

    LoopbackHub serve(String path, String body) {
        return serve(path, body.getBytes(StandardCharsets.UTF_8));
    }

    LoopbackHub redirect(String path, String location) {
        answers.put(path, new Answer(302, new byte[0], location, false));
        return this;
    }

    /** {@code http(s)://127.0.0.1:<port>}. */
    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        seen.add(new Seen(path, exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = answers.getOrDefault(path, new Answer(404, "{\"error\":\"not found\"}".getBytes(), null, false));
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        } catch (IOException clientGaveUp) {
            // a client that stops reading (a size limit) closes the connection
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
