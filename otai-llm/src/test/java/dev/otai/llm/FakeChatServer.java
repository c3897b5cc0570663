package dev.otai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat-completions server on loopback that answers from a script: each request takes the next
 * scripted reply, and the last reply repeats. A {@link #hang()} reply never answers (until the server closes).
 */
final class FakeChatServer implements AutoCloseable {

    record Reply(int status, Map<String, String> headers, String body, boolean hangs) {
    }

    record Received(String path, String query, Headers headers, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    FakeChatServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure, e.g. http://127.0.0.1:PORT/v1. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    synchronized FakeChatServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    FakeChatServer thenStatus(int status, String body, Map<String, String> headers) {
        return then(new Reply(status, headers, body, false));
    }

    FakeChatServer thenAnswer(String content) {
        return then(new Reply(200, Map.of(), completion(content, null), false));
    }

    FakeChatServer thenAnswer(String content, ArrayNode logprobs) {
        return then(new Reply(200, Map.of(), completion(content, logprobs), false));
    }

    FakeChatServer hang() {
        return then(new Reply(0, Map.of(), "", true));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    JsonNode lastBody() {
        return received.getLast().body();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders(), body));
            Reply reply = next();
            if (reply.hangs()) {
                awaitClose();
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private synchronized Reply next() {
        return script.size() > 1 ? script.poll() : script.getFirst();
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A chat-completions answer with the given text and, if not null, {@code logprobs.content}. */
    static String completion(String content, ArrayNode logprobs) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "fake");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        if (logprobs != null) {
            choice.putObject("logprobs").set("content", logprobs);
        } else {
            choice.putNull("logprobs");
        }
        root.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 12);
        return root.toString();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
