package dev.otai.ml.hf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Hugging Face hub on loopback that serves one repo's files from a directory at
 * {@code /{owner}/{name}/resolve/{revision}/{file}}, answers 404 for anything else, and 401 when a token is
 * required and the request does not carry it. ONNX files are redirected to {@code /cdn/…} on another host name
 * ({@code localhost} instead of {@code 127.0.0.1}), which refuses requests carrying a token. It records every
 * request path.
 */
final class FakeHub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    FakeHub(String repo, Path files, String requiredToken) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String prefix = "/" + repo + "/resolve/main/";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.startsWith("/cdn/")) {
                cdn(exchange, files.resolve(path.substring("/cdn/".length())), auth);
                return;
            }
            Path file = path.startsWith(prefix) ? files.resolve(path.substring(prefix.length())) : null;
            if (file != null && file.toString().endsWith(".onnx") && Files.isRegularFile(file) && (requiredToken == null
                    || ("Bearer " + requiredToken).equals(auth))) {
                // like the real hub: large files are redirected to a CDN on another host
                exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort()
                        + "/cdn/" + path.substring(prefix.length()));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            int status = requiredToken != null && !("Bearer " + requiredToken).equals(auth) ? 401
                    : file != null && Files.isRegularFile(file) ? 200 : 404;
            byte[] body = status == 200 ? Files.readAllBytes(file) : ("{\"error\":\"" + status + "\"}").getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The CDN rejects requests that carry the hub token, as signed-URL stores do. */
    private static void cdn(HttpExchange exchange, Path file, String auth) throws IOException {
        int status = auth != null ? 400 : Files.isRegularFile(file) ? 200 : 404;
        byte[] body = status == 200 ? Files.readAllBytes(file) : "no".getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
