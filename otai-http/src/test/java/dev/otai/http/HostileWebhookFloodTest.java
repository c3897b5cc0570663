package dev.otai.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.testkit.FakeClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Floods a busy runner through the real HTTP server: every request is answered 202 or 503, and every event
 * answered 202 runs exactly once, also when the engine is asked to stop while they wait.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileWebhookFloodTest {

    private static String config(int maxQueued, String grace) {
        return """
                otai:
                  orchestrator:
                    shutdown_grace: %s
                    runners:
                      - id: busy
                        max_queued_events: %d
                        on: [{ id: hook, use: base:WebhookTrigger, params: { secret: s3cret } }]
                        run:
                          id: work
                          use: base:CompositePipe
                          params:
                            steps:
                              - { id: hold, use: probe:Count, params: { gated: true } }
                              - { id: record, use: base:ExpressionPipe, params: { expression: "n{{ event.body.n }}" } }
                """.formatted(grace, maxQueued);
    }

    /** Posts {@code count} events at once (one connection each); the answer's status by event number. */
    private static Map<Integer, HttpResponse<String>> flood(RunningEngine running, int from, int count) {
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int n = from; n < from + count; n++) {
            answers.add(running.client.sendAsync(running.jsonPost("/hooks/hook", "{\"n\":" + n + "}")
                    .header("X-Otai-Token", "s3cret").build(), HttpResponse.BodyHandlers.ofString()));
        }
        var byEvent = new TreeMap<Integer, HttpResponse<String>>();
        for (int i = 0; i < answers.size(); i++) {
            byEvent.put(from + i, answers.get(i).join());
        }
        return byEvent;
    }

    private static Set<String> accepted(Map<Integer, HttpResponse<String>> answers) {
        return answers.entrySet().stream().filter(e -> e.getValue().statusCode() == 202)
                .map(e -> "n" + e.getKey()).collect(Collectors.toSet());
    }

    @Test
    void five_hundred_concurrent_posts_beyond_the_queue_get_202_or_503_and_every_202_runs_exactly_once() throws Exception {
        try (var running = new RunningEngine(config(20, "PT30S"), new FakeClock())) {
            Map<Integer, HttpResponse<String>> answers = flood(running, 0, 500);

            assertThat(answers.values()).extracting(HttpResponse::statusCode).containsOnly(202, 503);
            assertThat(accepted(answers)).as("one run in flight and 20 waiting").hasSize(21);
            assertThat(answers.values()).filteredOn(a -> a.statusCode() == 503)
                    .allSatisfy(a -> assertThat(a.headers().firstValue("Retry-After")).hasValue("5"));

            running.probes.release("hold", 500);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> running.finished.size() >= 21);
            assertThat(running.engine.gateway().orchestrator().orElseThrow().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(running.values()).hasSize(21).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(accepted(answers));
        }
    }

    @Test
    void events_answered_202_before_a_stop_run_before_the_engine_exits_and_later_posts_get_503() throws Exception {
        try (var running = new RunningEngine(config(20, "PT30S"), new FakeClock())) {
            Map<Integer, HttpResponse<String>> answers = flood(running, 0, 100);
            assertThat(accepted(answers)).hasSize(21);

            running.requestStop();
            HttpResponse<String> late = running.post("/hooks/hook", "{\"n\":1000}", Map.of("X-Otai-Token", "s3cret"));
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.body()).contains("stopping");

            running.probes.release("hold", 100);
            assertThat(running.awaitStopped(Duration.ofSeconds(30))).isTrue();
            assertThat(running.values()).hasSize(21).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(accepted(answers));
        }
    }

    @Test
    void events_still_waiting_when_the_grace_period_ends_are_counted_at_warn() throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(Orchestrator.class);
        logger.addAppender(appender);
        try (var running = new RunningEngine(config(20, "PT0S"), new FakeClock())) {
            assertThat(accepted(flood(running, 0, 30))).hasSize(21);

            running.requestStop();
            assertThat(running.awaitStopped(Duration.ofSeconds(30))).isTrue();

            assertThat(running.finished).as("only the run in flight ended, cancelled").singleElement()
                    .satisfies(f -> assertThat(f.result().failed()).isTrue());
            assertThat(appender.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).startsWith("Stopping: 20 accepted events were not run within the"));
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void a_delivery_refused_with_503_is_accepted_when_the_sender_retries_it_and_only_then_is_a_duplicate() throws Exception {
        try (var running = new RunningEngine(config(0, "PT30S"), new FakeClock())) {
            Map<String, String> first = Map.of("X-Otai-Token", "s3cret", "X-Zammad-Delivery", "d-0");
            Map<String, String> retried = Map.of("X-Otai-Token", "s3cret", "X-Zammad-Delivery", "d-1");
            assertThat(running.post("/hooks/hook", "{\"n\":0}", first).statusCode()).isEqualTo(202);
            assertThat(running.post("/hooks/hook", "{\"n\":1}", retried).statusCode()).as("the runner is busy").isEqualTo(503);

            running.probes.release("hold", 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> running.finished.size() == 1);
            assertThat(running.engine.gateway().orchestrator().orElseThrow().awaitIdle(Duration.ofSeconds(10))).isTrue();

            assertThat(running.post("/hooks/hook", "{\"n\":1}", retried).statusCode()).isEqualTo(202);
            assertThat(running.post("/hooks/hook", "{\"n\":1}", retried).statusCode()).as("now it was queued once").isEqualTo(200);
            running.probes.release("hold", 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> running.finished.size() == 2);
            assertThat(running.values()).containsExactly("n0", "n1");
        }
    }
}
