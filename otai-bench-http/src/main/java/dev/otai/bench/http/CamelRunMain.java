package dev.otai.bench.http;

/**
 * The Camel route as a service of its own, for the real-process benchmark: {@code CamelRunMain <base_url>
 * <parallelism> <fetch> <poll_ms>} polls {@code Incoming} every {@code poll_ms} (the next poll at once when a
 * round took longer), {@code fetch} tickets at a time, until the process is stopped (SIGTERM closes the route).
 */
public final class CamelRunMain {

    private CamelRunMain() {
    }

    public static void main(String[] args) throws Exception {
        var side = new CamelSide(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), false, Long.parseLong(args[3]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                side.close();
            } catch (Exception e) {
                System.err.println("camel: closing failed: " + e);
            }
        }));
        side.start();
        System.out.println("camel polling " + args[0]);
        Thread.currentThread().join();
    }
}
