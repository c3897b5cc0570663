package dev.otai.bench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Serves the fake OTOBO on loopback and a small control server beside it, in its own JVM ({@link #main}) or in a
 * test's ({@link #start()}):
 * <ul>
 *   <li>{@code POST /seed?n=N} forgets the request log and adds N tickets in {@code Incoming};</li>
 *   <li>{@code POST /fresh?n=N} replaces the fake by an empty one on a new port, seeds N tickets and answers its
 *       base URL (a round of the real-process benchmark starts on a helpdesk holding only its own tickets);</li>
 *   <li>{@code GET /await?for=first|routed&timeout_ms=T} answers {@code ok} once the first request of the round
 *       arrived, or once every seeded ticket is routed (left {@code Incoming}, holds its 2 notes); else
 *       {@code timeout …} after T ms;</li>
 *   <li>{@code GET /stats} checks and measures the seeded tickets ({@link RoundStats});
 *       {@code GET /traffic} counts the round's requests by kind ({@link Traffic}).</li>
 * </ul>
 * {@link #main} prints {@code fake-otobo base_url=<url> control=<port>} once both listen and ends when stdin closes.
 */
public final class FakeOtoboMain implements AutoCloseable {

    private static final String BODY = "Sehr geehrte Damen und Herren, seit heute früh funktioniert der Drucker im "
            + "zweiten Stock nicht mehr und das Rechnungsprogramm zeigt eine Fehlermeldung. Bitte um Hilfe. Ticket ";

    private final HttpServer control;
    private final ExecutorService controlThread = Executors.newSingleThreadExecutor();
    private volatile FakeOtobo fake = newFake();
    private volatile List<String> seeded = List.of();

    private FakeOtoboMain() throws IOException {
        control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        control.createContext("/seed", http -> answer(http, seed(http, false)));
        control.createContext("/fresh", http -> answer(http, seed(http, true)));
        control.createContext("/await", http -> answer(http, await(query(http))));
        control.createContext("/stats", http -> answer(http, RoundStats.of(fake, seeded).toLine()));
        control.createContext("/traffic", http -> answer(http, Traffic.of(fake.requests()).toLine()));
        control.setExecutor(controlThread);
        control.start();
    }

    public static void main(String[] args) throws IOException {
        try (var main = start()) {
            System.out.println("fake-otobo base_url=" + main.baseUrl() + " control=" + main.control.getAddress().getPort());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Starts the fake and its control server in this JVM. */
    static FakeOtoboMain start() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else Nagle costs ≈44 ms per answer
        return new FakeOtoboMain();
    }

    String baseUrl() {
        return fake.baseUrl();
    }

    String controlUrl() {
        return "http://127.0.0.1:" + control.getAddress().getPort();
    }

    /** The fake with the queues the workload routes to. */
    static FakeOtobo newFake() {
        return new FakeOtobo().queue(Workload.INCOMING).queue("IT").queue("Billing").queue("Sales").queue("Unclassified");
    }

    /** Forgets the request log and adds {@code n} tickets (≈300 B of text each) in {@code Incoming}. */
    static List<String> seed(FakeOtobo fake, int n) {
        fake.clearRequests();
        var ids = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) {
            ids.add(fake.addTicket("Drucker und Rechnung " + i, BODY + i, Workload.INCOMING));
        }
        return List.copyOf(ids);
    }

    private String seed(HttpExchange http, boolean fresh) {
        int n = Integer.parseInt(query(http).getOrDefault("n", "0"));
        if (fresh) {
            FakeOtobo old = fake;
            fake = newFake();
            old.close();
        }
        seeded = seed(fake, n);
        return fresh ? fake.baseUrl() : "seeded " + n;
    }

    private String await(Map<String, String> query) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(query.getOrDefault("timeout_ms", "60000")));
        if ("first".equals(query.get("for"))) {
            while (fake.requests().isEmpty()) {
                if (!pause(deadline)) {
                    return "timeout: no request arrived";
                }
            }
            return "ok";
        }
        var waiting = new ArrayDeque<>(seeded);
        while (!waiting.isEmpty()) {
            if (routed(fake.ticket(waiting.peek()))) {
                waiting.poll();
            } else if (!pause(deadline)) {
                return "timeout: " + (seeded.size() - waiting.size()) + " of " + seeded.size() + " tickets routed";
            }
        }
        return "ok";
    }

    private static boolean routed(OtoboTicket ticket) {
        return !ticket.queue().equals(Workload.INCOMING) && ticket.addedArticles().size() >= 2;
    }

    /** Waits a millisecond on this (the fake's) core; false once the deadline has passed. */
    private static boolean pause(long deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        return System.nanoTime() < deadline;
    }

    private static Map<String, String> query(HttpExchange http) {
        var out = new HashMap<String, String>();
        String query = http.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return out;
    }

    private static void answer(HttpExchange http, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        http.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        control.stop(0);
        controlThread.shutdownNow();
        fake.close();
    }
}
