package dev.otai.core.orchestration;

import dev.otai.api.PipeResult;
import java.time.Duration;

/** How a runner's run ended in {@code otai run --once}: its last attempt's result and how long that took. */
public record RunnerOutcome(String runnerId, PipeResult result, Duration duration) {
}
