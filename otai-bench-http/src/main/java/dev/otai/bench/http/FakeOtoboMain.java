package dev.otai.bench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.otai.testkit.otobo.FakeOtobo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Serves the fake OTOBO in its own JVM on loopback and a small control server beside it:
 * {@code POST /seed?n=N} forgets the request log and adds N tickets in {@code Incoming};
 * {@code GET /stats} checks and measures the tickets of the last seed ({@link RoundStats}).
 * Prints {@code fake-otobo base_url=<url> control=<port>} once both listen. Ends when stdin closes.
 */
public final class FakeOtoboMain {

    private static final String BODY = "Sehr geehrte Damen und Herren, seit heute früh funktioniert der Drucker im "
            + "zweiten Stock nicht mehr und das Rechnungsprogramm zeigt eine Fehlermeldung. Bitte um Hilfe. Ticket ";

    private final FakeOtobo fake = newFake();
    private volatile List<String> seeded = List.of();

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else Nagle costs ≈44 ms per answer
        var main = new FakeOtoboMain();
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        control.createContext("/seed", main::seed);
        control.createContext("/stats", main::stats);
        control.setExecutor(Executors.newSingleThreadExecutor());
        control.start();
        System.out.println("fake-otobo base_url=" + main.fake.baseUrl() + " control=" + control.getAddress().getPort());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        control.stop(0);
        main.fake.close();
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

    private void seed(HttpExchange http) throws IOException {
        int n = Integer.parseInt(http.getRequestURI().getQuery().replace("n=", ""));
        seeded = seed(fake, n);
        answer(http, "seeded " + n);
    }

    private void stats(HttpExchange http) throws IOException {
        answer(http, RoundStats.of(fake, seeded).toLine());
    }

    private static void answer(HttpExchange http, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        http.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }
}
