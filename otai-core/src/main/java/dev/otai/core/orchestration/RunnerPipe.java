package dev.otai.core.orchestration;

import dev.otai.api.Param;
import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeSetup;
import dev.otai.api.PipeType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A runner: {@code run} executes when any trigger of {@code on} fires; without {@code on} it runs once at
 * startup. Under the orchestrator, the triggers notify it; used as a plain pipe it asks each trigger "did you
 * fire since I last asked?" and runs when one says yes.
 */
public final class RunnerPipe implements Pipe {

    static final Param<List<PipeNode>> ON = Param.triggers("on")
            .describedAs("a trigger or a list of triggers; any of them fires the runner");
    static final Param<PipeNode> RUN = Param.pipe("run").mandatory().describedAs("the pipe to execute");
    static final Param<Duration> TIMEOUT = Param.duration("timeout").constrained(Duration::isPositive, "a positive duration")
            .describedAs("a run past it is cancelled and recorded as failed");
    static final Param<Long> ATTEMPTS = Param.integer("attempts").defaultsTo(3L)
            .constrained(v -> v >= 1, "an integer of at least 1").describedAs("total attempts, the first included");
    static final Param<Duration> INITIAL_DELAY = Param.duration("initial_delay").aliasedAs("delay")
            .defaultsTo(Duration.ofSeconds(1)).constrained(v -> !v.isNegative(), "a duration of zero or more")
            .describedAs("wait before the first retry");
    static final Param<Double> FACTOR = Param.number("factor").defaultsTo(2.0)
            .constrained(v -> v >= 1, "a number of at least 1").describedAs("each further wait is this many times longer");
    static final Param<Duration> MAX_DELAY = Param.duration("max_delay").defaultsTo(Duration.ofMinutes(5))
            .constrained(v -> !v.isNegative(), "a duration of zero or more").describedAs("the longest wait");
    static final Param<Object> RETRY = Param.either("retry",
                    Param.integer("attempts").constrained(v -> v >= 1, "an integer of at least 1"),
                    Param.map("settings").withFields(ATTEMPTS, INITIAL_DELAY, FACTOR, MAX_DELAY))
            .describedAs("retry failed runs: attempts, initial_delay, factor, max_delay (or a number of attempts)");
    static final Param<Long> CONCURRENCY = Param.integer("concurrency").defaultsTo(1L)
            .constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("runs allowed in flight at once (1: non-overlapping)");
    static final Param<Long> MAX_QUEUED_EVENTS = Param.integer("max_queued_events")
            .defaultsTo((long) RunnerSettings.DEFAULT_MAX_QUEUED_EVENTS)
            .constrained(v -> v >= 0 && v <= 1_000_000, "an integer in [0, 1000000]")
            .describedAs("webhook/manual events that may wait while the runner is busy; more are refused with 503");

    public static final PipeType TYPE = new PipeType() {
        @Override
        public String name() {
            return "SimpleSequentialRunner";
        }

        @Override
        public String description() {
            return "Runs 'run' whenever a trigger of 'on' fires (once at startup without 'on'); never overlapping.";
        }

        @Override
        public List<ParamSpec> params() {
            return PipeType.specs(List.of(ON, RUN, TIMEOUT, RETRY, CONCURRENCY, MAX_QUEUED_EVENTS));
        }

        @Override
        public Set<String> valuesForChildren(Map<String, Object> given) {
            return Set.of("event", "trigger");
        }

        @Override
        public Pipe create(PipeSetup setup) {
            return new RunnerPipe();
        }
    };

    /** The settings of a runner from its rendered params. */
    static RunnerSettings settings(Params params) {
        Duration timeout = params.find(TIMEOUT).orElse(null);
        return new RunnerSettings(timeout, retry(params.find(RETRY).orElse(null)),
                Math.toIntExact(params.get(CONCURRENCY)), Math.toIntExact(params.get(MAX_QUEUED_EVENTS)));
    }

    /** The retry settings from a checked {@code retry}: absent, a number of attempts, or a mapping of settings. */
    private static RunnerSettings.Retry retry(Object given) {
        Params retry = switch (given) {
            case null -> null;
            case Long attempts -> Params.of(Map.of(ATTEMPTS.name(), attempts));
            case Map<?, ?> map -> Params.of(stringKeys(map));
            default -> throw new IllegalStateException("retry was checked to be a number or a mapping: " + given);
        };
        return retry == null ? RunnerSettings.Retry.NONE : new RunnerSettings.Retry(Math.toIntExact(retry.get(ATTEMPTS)),
                retry.get(INITIAL_DELAY), retry.get(FACTOR), retry.get(MAX_DELAY));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        var out = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) {
        List<PipeNode> triggers = params.get(ON);
        PipeNode run = params.get(RUN);
        if (triggers.isEmpty()) {
            return run.run(context.withValue("trigger", "").withValue("event", Map.of()));
        }
        var reasons = new StringJoiner("; ");
        for (PipeNode trigger : triggers) {
            PipeResult fired = trigger.run(context);
            if (fired.succeeded()) {
                return run.run(context.withValue("trigger", trigger.id()).withValue("event", Map.of()));
            }
            reasons.add(trigger.id() + ": " + fired.message());
        }
        return PipeResult.skipped("no trigger fired (" + reasons + "), so 'run' did not run");
    }
}
