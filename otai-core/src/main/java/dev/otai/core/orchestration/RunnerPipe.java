package dev.otai.core.orchestration;

import dev.otai.api.ConfigException;
import dev.otai.api.ParamKind;
import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeSetup;
import dev.otai.api.PipeType;
import dev.otai.core.template.TemplateEngine;
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
            return List.of(
                    ParamSpec.of("on", ParamKind.TRIGGERS).describedAs("a trigger or a list of triggers; any of them fires the runner"),
                    ParamSpec.of("run", ParamKind.PIPE).mandatory().describedAs("the pipe to execute"),
                    ParamSpec.duration("timeout").constrained(v -> ((Duration) v).isPositive(), "a positive duration")
                            .describedAs("a run past it is cancelled and recorded as failed"),
                    ParamSpec.any("retry").describedAs("retry failed runs: attempts, initial_delay, factor, max_delay (or a number of attempts)"),
                    ParamSpec.integer("concurrency").defaultsTo(1L).constrained(v -> (Long) v >= 1, "an integer of at least 1")
                            .describedAs("runs allowed in flight at once (1: non-overlapping)"),
                    ParamSpec.integer("max_queued_events").defaultsTo((long) RunnerSettings.DEFAULT_MAX_QUEUED_EVENTS)
                            .constrained(v -> (Long) v >= 0 && (Long) v <= 1_000_000, "an integer in [0, 1000000]")
                            .describedAs("webhook/manual events that may wait while the runner is busy; more are refused with 503"));
        }

        @Override
        public Set<String> valuesForChildren(Map<String, Object> given) {
            return Set.of("event", "trigger");
        }

        /** Checks {@code retry} at load time, unless a template decides it when the runner starts. */
        @Override
        public List<String> check(Map<String, Object> given) {
            Object retry = given.get("retry");
            if (retry == null || holdsTemplate(retry)) {
                return List.of();
            }
            try {
                retry(retry);
                return List.of();
            } catch (ConfigException e) {
                return List.of(e.getMessage());
            }
        }

        @Override
        public Pipe create(PipeSetup setup) {
            return new RunnerPipe();
        }
    };

    /** The settings of a runner from its rendered params. */
    static RunnerSettings settings(Params params) {
        Duration timeout = params.optionalDuration("timeout").orElse(null);
        return new RunnerSettings(timeout, retry(params.value("retry")), (int) params.integer("concurrency"),
                (int) params.integer("max_queued_events"));
    }

    private static RunnerSettings.Retry retry(Object value) {
        return switch (value) {
            case null -> RunnerSettings.Retry.NONE;
            case Map<?, ?> map -> RunnerSettings.Retry.from(stringKeys(map));
            case Number attempts -> RunnerSettings.Retry.from(Map.of("attempts", attempts));
            case Object other -> throw new ConfigException("retry was \"" + other
                    + "\"; expected a mapping {attempts, initial_delay, factor, max_delay} or a number of attempts");
        };
    }

    private static boolean holdsTemplate(Object value) {
        return switch (value) {
            case String s -> TemplateEngine.isTemplate(s);
            case Map<?, ?> map -> map.values().stream().anyMatch(v -> v != null && holdsTemplate(v));
            case List<?> list -> list.stream().anyMatch(v -> v != null && holdsTemplate(v));
            default -> false;
        };
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        var out = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) {
        List<PipeNode> triggers = params.pipes("on");
        PipeNode run = params.pipe("run");
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
