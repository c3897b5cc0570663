package dev.otai.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A real HTTP server on a loopback port, answering with a handler, recording every request and injecting the
 * configured {@link Faults}. The fakes of the helpdesks are built on it.
 */
public final class FakeServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Function<Exchange, Reply> handler;
    private final Faults faults = new Faults();
    private final AtomicLong calls = new AtomicLong();
    private final List<RecordedRequest> requests = new ArrayList<>();

    public FakeServer(Function<Exchange, Reply> handler) {
        this.handler = handler;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    public Faults faults() {
        return faults;
    }

    /** Every request so far, in arrival order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    private void serve(HttpExchange http) throws IOException {
        Instant at = Instant.now();
        long number = calls.incrementAndGet();
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Exchange exchange = new Exchange(http.getRequestMethod(), http.getRequestURI().getRawPath(),
                http.getRequestURI().getRawQuery(), headers(http), body);
        Fault fault = faults.decide(number);
        delay();
        Reply reply = null;
        Fault effective = fault;
        if (fault instanceof Fault.AfterApply after) {
            handler.apply(exchange);
            effective = after.fault();
        } else if (fault == null) {
            reply = safely(exchange);
        }
        int status = effective == null ? reply.status() : statusOf(effective);
        synchronized (this) { // recorded before answering, so a client that got the answer sees the record
            requests.add(new RecordedRequest(at, number, exchange.method(), exchange.path(), exchange.query(),
                    exchange.headers(), body, status, fault));
        }
        if (effective == null) {
            send(http, reply);
        } else {
            inject(http, effective);
        }
    }

    private static int statusOf(Fault fault) {
        return switch (fault) {
            case Fault.Status s -> s.status();
            case Fault.TooManyRequests t -> 429;
            case Fault.MalformedJson m -> 200;
            case Fault.Drop d -> 0;
            case Fault.AfterApply a -> statusOf(a.fault());
        };
    }

    private Reply safely(Exchange exchange) {
        try {
            return handler.apply(exchange);
        } catch (RuntimeException e) {
            return Reply.text(500, "fake server error: " + e);
        }
    }

    private void delay() {
        try {
            if (faults.latency().isPositive()) {
                Thread.sleep(faults.latency());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int inject(HttpExchange http, Fault fault) throws IOException {
        return switch (fault) {
            case Fault.Status s -> send(http, Reply.text(s.status(), "injected fault: HTTP " + s.status()));
            case Fault.TooManyRequests t -> send(http, Reply.json(429, "{\"error\":\"Too many requests\"}")
                    .withHeader("Retry-After", Long.toString(Math.max(0, t.retryAfter().toSeconds()))));
            case Fault.MalformedJson m -> send(http, Reply.json(200, "{\"Ticket\":[{\"TicketID\":"));
            case Fault.Drop d -> {
                http.close();
                yield 0;
            }
            case Fault.AfterApply a -> inject(http, a.fault());
        };
    }

    private static int send(HttpExchange http, Reply reply) throws IOException {
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> http.getResponseHeaders().set(name, value));
        http.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
        return reply.status();
    }

    private static Map<String, List<String>> headers(HttpExchange http) {
        var out = new LinkedHashMap<String, List<String>>();
        http.getRequestHeaders().forEach((name, values) -> out.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
