package dev.otai.core.base.trigger;

import dev.otai.api.ConfigException;
import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Trigger;
import dev.otai.core.config.Durations;
import dev.otai.core.template.TemplateEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fires every {@code interval} (or the sum of {@code milliseconds … days}), at fixed times counted from when the
 * orchestrator starts, so run durations never shift the schedule. The first fire comes one interval after the
 * start, as in OTAI, unless {@code fire_at_start: true}.
 */
public final class IntervalTrigger implements Trigger {

    private static final Param<Duration> INTERVAL = Param.duration("interval")
            .constrained(Duration::isPositive, "a positive duration (ISO-8601 like PT5M, H:MM:SS, or seconds)")
            .describedAs("ISO-8601 (PT5M), H:MM:SS or seconds");
    private static final List<Param<Double>> UNITS = Stream.of("milliseconds", "seconds", "minutes", "hours", "days")
            .map(unit -> Param.number(unit).constrained(v -> v >= 0, "a number of zero or more")
                    .describedAs("added to the interval")).toList();
    private static final Param<Boolean> FIRE_AT_START = Param.bool("fire_at_start").defaultsTo(false)
            .describedAs("fire once when the orchestrator starts");

    public static final PipeType TYPE = PipeType.trigger("IntervalTrigger",
            "Fires every interval, at fixed times from the start; the first fire after one interval.",
            params(), IntervalTrigger::check, setup -> new IntervalTrigger(setup.facility(InstantSource.class)));

    private static List<Param<?>> params() {
        var params = new ArrayList<Param<?>>();
        params.add(INTERVAL);
        params.addAll(UNITS);
        params.add(FIRE_AT_START);
        return params;
    }

    private static List<String> check(Map<String, Object> given) {
        if (!given.containsKey(INTERVAL.name()) && UNITS.stream().noneMatch(unit -> given.containsKey(unit.name()))) {
            return List.of("no interval; expected 'interval' (" + Durations.EXPECTATION
                    + ") or one of milliseconds, seconds, minutes, hours, days");
        }
        if (given.values().stream().anyMatch(v -> v instanceof String s && TemplateEngine.isTemplate(s))) {
            return List.of();
        }
        Optional<Duration> total = total(given);
        if (total.isPresent() && !total.get().isPositive() && !given.containsKey(INTERVAL.name())) {
            List<String> units = UNITS.stream().map(Param::name).filter(given::containsKey).toList();
            String only = units.size() == 1 ? units.getFirst() : INTERVAL.name();
            String value = only.equals(INTERVAL.name()) ? Durations.format(total.get())
                    : given.get(only) + " (an interval of " + Durations.format(total.get()) + ")";
            return List.of(only + " was " + value + "; expected a positive duration");
        }
        return List.of();
    }

    private final InstantSource clock;
    private final SinceLastAsked gate;

    IntervalTrigger(InstantSource clock) {
        this.clock = clock;
        this.gate = new SinceLastAsked(clock);
    }

    /** The interval from constant or rendered params; empty when a value is not a duration. */
    static Optional<Duration> total(Map<String, Object> params) {
        Duration sum = Duration.ZERO;
        if (params.get(INTERVAL.name()) != null) {
            Optional<Duration> interval = Durations.parse(params.get(INTERVAL.name()));
            if (interval.isEmpty()) {
                return Optional.empty();
            }
            sum = interval.get();
        }
        long[] millisPerUnit = {1, 1_000, 60_000, 3_600_000, 86_400_000};
        for (int i = 0; i < UNITS.size(); i++) {
            Object value = params.get(UNITS.get(i).name());
            if (value != null) {
                try {
                    double amount = Double.parseDouble(value.toString());
                    sum = sum.plusNanos(Math.round(amount * millisPerUnit[i] * 1_000_000d));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(sum);
    }

    private static Duration interval(Params params) {
        Duration interval = total(params.asMap()).orElse(Duration.ZERO);
        if (!interval.isPositive()) {
            throw new ConfigException("interval was " + interval + "; expected a positive duration");
        }
        return interval;
    }

    @Override
    public Firing firing(Params params) {
        return new Timed(new FixedRate(clock.instant(), interval(params)), params.get(FIRE_AT_START));
    }

    /** As a plain gate: succeeds when at least one interval has passed since it last succeeded. */
    @Override
    public PipeResult execute(PipeContext context, Params params) {
        Duration interval = interval(params);
        return gate.ask(time -> Optional.of(time.plus(interval)));
    }

    /** {@code anchor + k·interval}: the k-th fire time, never drifting with run durations. */
    record FixedRate(Instant anchor, Duration interval) implements Schedule {
        @Override
        public Optional<Instant> nextAfter(Instant time) {
            if (time.isBefore(anchor)) {
                return Optional.of(anchor.plus(interval));
            }
            long elapsed = Duration.between(anchor, time).toNanos();
            long periods = elapsed / interval.toNanos() + 1;
            return Optional.of(anchor.plus(interval.multipliedBy(periods)));
        }
    }
}
