package dev.otai.core.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.RecordingListener;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Twenty runners on a 10 ms interval: fifteen healthy, three slow, one always throwing, one hanging. Over 100
 * fires, no runner ever has two runs at once, the healthy ones run on every fire, the slow ones skip what they
 * miss, the throwing one keeps being scheduled, and the hanging one is cancelled by its timeout every time.
 */
class OrchestratorStressTest {

    private static final int FIRES = 100;

    private static String config() {
        var yaml = new StringBuilder("otai:\n  orchestrator:\n    runners:\n");
        IntStream.range(0, 20).forEach(i -> {
            String run = switch (i) {
                case 15, 16, 17 -> "{ id: slow" + i + ", use: \"probe:Count\", params: { gated: true } }";
                case 18 -> "{ id: throws, use: \"probe:Throw\" }";
                case 19 -> "{ id: hangs, use: \"probe:Hang\" }";
                default -> "{ id: healthy" + i + ", use: \"probe:Count\" }";
            };
            yaml.append("      - id: runner").append(i).append('\n')
                    .append("        on: [{ id: tick").append(i).append(", use: base:IntervalTrigger, params: { milliseconds: 10 } }]\n")
                    .append(i == 19 ? "        timeout: PT0.02S\n" : "")
                    .append("        run: ").append(run).append('\n');
        });
        return yaml.toString();
    }

    @Test
    void runners_stay_isolated_and_never_overlap_under_load() throws Exception {
        var clock = new FakeClock();
        var probes = new Probes();
        var events = new RecordingListener();
        Orchestrator orchestrator;
        try (Engine engine = EngineFixture.start(config(), clock, events, probes)) {
            orchestrator = engine.orchestrator();
            orchestrator.start();
            try {
                drive(orchestrator, clock, probes, events);
            } finally {
                IntStream.of(15, 16, 17).forEach(i -> probes.release("slow" + i, FIRES));
                engine.lifecycle().requestStop();
                orchestrator.stop();
            }
        }

        IntStream.range(0, 18).forEach(i -> assertThat(probes.maxActive(i < 15 ? "healthy" + i : "slow" + i)).isLessThanOrEqualTo(1));
        IntStream.of(15, 16, 17).forEach(i -> assertThat(probes.runs("slow" + i)).isBetween(1, FIRES / 10));
        long skippedByThrower = events.of(EngineEvent.FireSkipped.class).stream().filter(e -> e.runnerId().equals("runner18")).count();
        assertThat(events.finished("runner18")).allSatisfy(e -> assertThat(e.result().failed()).isTrue());
        assertThat(events.finished("runner18").size() + skippedByThrower).as("every fire ran or was counted as skipped").isEqualTo(FIRES);
        assertThat(events.finished("runner18").size()).isGreaterThan(FIRES / 2);
        assertThat(events.finished("runner19")).allSatisfy(e -> assertThat(e.result().message()).contains("timed out"));
        var skipped = orchestrator.status().stream().filter(s -> s.id().startsWith("runner1")).mapToLong(RunnerStatus::skippedFires).sum();
        assertThat(skipped).isPositive();
    }

    private static void drive(Orchestrator orchestrator, FakeClock clock, Probes probes, RecordingListener events) {
        for (int fire = 1; fire <= FIRES; fire++) {
            orchestrator.tick(clock.advance(Duration.ofMillis(10)));
            int expected = fire;
            Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                IntStream.range(0, 15).forEach(i -> assertThat(probes.runs("healthy" + i)).isEqualTo(expected));
                assertThat(orchestrator.status().subList(0, 15)).allSatisfy(s -> assertThat(s.running()).isZero());
            });
            if (fire % 10 == 0) {
                IntStream.of(15, 16, 17).forEach(i -> probes.release("slow" + i, 1));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.finished("runner19").size() >= 2);
    }
}
