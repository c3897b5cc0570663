package dev.otai.bench.http;

import dev.otai.api.classify.Classification;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Apache Camel 4: a timer fires the first round at start, later rounds enter through {@code direct:round};
 * fetch → split (parallel, {@code parallelism} threads) → the same stub classifiers → choice (threshold) →
 * update and note, with note bodies in Camel's Simple language. HTTP goes through the same JDK client as the
 * floor and otai, from processors (fairness rule: same client settings on both sides).
 */
final class CamelSide implements Side {

    private final OtoboWire wire;
    private final int parallelism;
    private final int limit;
    private final CompletableFuture<Void> firstRound = new CompletableFuture<>();
    private final ExecutorService splitPool;
    private final boolean templated;
    private final long pollMs;
    private CamelContext camel;
    private ProducerTemplate producer;

    /** @param templated true: the route renders otai's templates in processors ({@link CamelJinjaRoutes}) */
    CamelSide(String baseUrl, int parallelism, int limit, boolean templated) {
        this(baseUrl, parallelism, limit, templated, 0);
    }

    /**
     * @param pollMs above 0: a timer starts a round every {@code pollMs} ms (fixed delay: at once when a round took
     *               longer), for as long as the side runs, and {@link #start()} returns without waiting; 0: one
     *               round at start, further ones by {@link #round()}
     */
    CamelSide(String baseUrl, int parallelism, int limit, boolean templated, long pollMs) {
        this.templated = templated;
        this.pollMs = pollMs;
        this.wire = new OtoboWire(baseUrl);
        this.parallelism = parallelism;
        this.limit = limit;
        this.splitPool = Executors.newFixedThreadPool(parallelism);
    }

    @Override
    public void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(templated ? new CamelJinjaRoutes(this, splitPool) : routes());
        camel.start();
        producer = camel.createProducerTemplate();
        if (pollMs == 0) {
            firstRound.get(5, TimeUnit.MINUTES);
        }
    }

    @Override
    public void round() {
        producer.requestBody("direct:round", (Object) null);
    }

    /** The timer's processor: runs the first round and tells {@link #start()} how it went. */
    void firstRound(Exchange timer) {
        try (ProducerTemplate first = timer.getContext().createProducerTemplate()) {
            first.requestBody("direct:round", (Object) null);
            firstRound.complete(null);
        } catch (Exception failed) {
            firstRound.completeExceptionally(failed);
        }
    }

    OtoboWire wire() {
        return wire;
    }

    int limit() {
        return limit;
    }

    private RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (pollMs > 0) {
                    // synchronous: the timer waits for the round (else its parallel split returns at once and polls overlap)
                    from("timer:poll?delay=0&synchronous=true&period=" + pollMs).to("direct:round");
                } else {
                    from("timer:first?repeatCount=1&delay=0").process(CamelSide.this::firstRound);
                }
                from("direct:round")
                        .process(e -> e.getMessage().setBody(wire.fetch(Workload.INCOMING, limit)))
                        .split(body()).parallelProcessing().executorService(splitPool).stopOnException()
                            .setProperty("id", simple("${body.id}"))
                            .setProperty("text", simple("${body.text}"))
                            .process(e -> classify(e, "q", Workload.queue(text(e))))
                            .choice()
                                .when(simple("${exchangeProperty.qConfidence} >= 0.8")).setProperty("queue", exchangeProperty("qLabel"))
                                .otherwise().setProperty("queue", constant("Unclassified"))
                            .end()
                            .process(e -> wire.update(id(e), "Queue", e.getProperty("queue", String.class)))
                            .setBody(simple("Queue ${exchangeProperty.qLabel} with confidence ${exchangeProperty.qConfidence}"))
                            .process(e -> wire.note(id(e), "Queue classification", e.getMessage().getBody(String.class)))
                            .process(e -> classify(e, "p", Workload.priority(text(e))))
                            .choice()
                                .when(simple("${exchangeProperty.pConfidence} >= 0.95")).setProperty("priority", exchangeProperty("pLabel"))
                                .otherwise().setProperty("priority", constant("3 normal"))
                            .end()
                            .process(e -> wire.update(id(e), "Priority", e.getProperty("priority", String.class)))
                            .setBody(simple("Priority ${exchangeProperty.pLabel} (${exchangeProperty.pConfidence})"))
                            .process(e -> wire.note(id(e), "Priority classification", e.getMessage().getBody(String.class)))
                        .end();
            }
        };
    }

    private static void classify(Exchange e, String prefix, Classification c) {
        e.setProperty(prefix + "Label", c.label());
        e.setProperty(prefix + "Confidence", c.confidence());
    }

    private static String id(Exchange e) {
        return e.getProperty("id", String.class);
    }

    private static String text(Exchange e) {
        return e.getProperty("text", String.class);
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        splitPool.shutdownNow();
        wire.close();
    }
}
