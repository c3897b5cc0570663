package dev.otai.ml.hf;

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
 * required and the request does not carry it. It records every request path.
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
            Path file = path.startsWith(prefix) ? files.resolve(path.substring(prefix.length())) : null;
            int status = requiredToken != null && !("Bearer " + requiredToken).equals(auth) ? 401
                    : file != null && Files.isRegularFile(file) ? 200 : 404;
            byte[] body = status == 200 ? Files.readAllBytes(file) : ("{\"error\":\"" + status + "\"}").getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
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
