package dev.otai.core.base.trigger;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.otai.api.ConfigException;
import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Trigger;
import dev.otai.core.template.TemplateEngine;
import java.time.DateTimeException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fires at the times of a cron expression in a time zone. Five fields are Unix cron (minute hour day month
 * weekday); six fields put seconds first. Instead of {@code cron}, OTAI's APScheduler-style fields
 * ({@code minute}, {@code hour}, {@code day}, {@code month}, {@code day_of_week}) may be given. Daylight-saving
 * changes follow the zone's rules: a time that does not exist that day is skipped, a repeated time fires once.
 */
public final class CronTrigger implements Trigger {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));
    private static final Param<String> CRON = Param.string("cron").aliasedAs("expression")
            .describedAs("e.g. \"*/5 9-17 * * mon-fri\"");
    private static final Param<String> TIMEZONE = Param.string("timezone")
            .describedAs("an IANA zone such as Europe/Berlin (default: the system zone)");
    private static final List<String> FIELDS = List.of("minute", "hour", "day", "month", "day_of_week");
    private static final Param<Boolean> FIRE_AT_START = Param.bool("fire_at_start").defaultsTo(false)
            .describedAs("fire once when the orchestrator starts");

    public static final PipeType TYPE = PipeType.trigger("CronTrigger",
            "Fires at the times of a cron expression (5 fields, or 6 with seconds first) in a time zone.",
            params(), CronTrigger::check, setup -> new CronTrigger(setup.facility(InstantSource.class)));

    private static List<Param<?>> params() {
        var params = new ArrayList<Param<?>>();
        params.add(CRON);
        params.add(TIMEZONE);
        FIELDS.forEach(field -> params.add(Param.string(field).describedAs("APScheduler-style field, instead of cron")));
        params.add(FIRE_AT_START);
        return params;
    }

    private static List<String> check(Map<String, Object> given) {
        if (given.values().stream().anyMatch(v -> v instanceof String s && TemplateEngine.isTemplate(s))) {
            return List.of();
        }
        try {
            expression(given);
            zone(given.get(TIMEZONE.name()));
            return List.of();
        } catch (ConfigException e) {
            return List.of(e.getMessage());
        }
    }

    private final SinceLastAsked gate;

    CronTrigger(InstantSource clock) {
        this.gate = new SinceLastAsked(clock);
    }

    static String expressionText(Map<String, Object> params) {
        Object cron = params.containsKey(CRON.name()) ? params.get(CRON.name()) : params.get("expression");
        if (cron != null) {
            return cron.toString().strip();
        }
        if (FIELDS.stream().noneMatch(params::containsKey)) {
            throw new ConfigException("no schedule; expected 'cron' (for example \"0 * * * *\") or APScheduler-style fields "
                    + String.join(", ", FIELDS));
        }
        boolean anyFinerGiven = false;
        var parts = new ArrayList<String>();
        for (String field : FIELDS) {
            Object value = params.get(field);
            parts.add(value != null ? value.toString() : field.equals("minute") && !anyFinerGiven ? "0" : "*");
            anyFinerGiven |= value != null;
        }
        return String.join(" ", parts);
    }

    static Cron expression(Map<String, Object> params) {
        String text = expressionText(params);
        int fields = text.split("\\s+").length;
        try {
            Cron cron = (fields == 6 ? WITH_SECONDS : UNIX).parse(text);
            cron.validate();
            return cron;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cron was \"" + text + "\"; expected 5 fields (minute hour day month weekday) or 6"
                    + " (seconds first): " + e.getMessage());
        }
    }

    static ZoneId zone(Object timezone) {
        if (timezone == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timezone.toString());
        } catch (DateTimeException e) {
            throw new ConfigException("timezone was \"" + timezone + "\"; expected an IANA time zone such as Europe/Berlin");
        }
    }

    static Schedule schedule(Map<String, Object> params) {
        ExecutionTime times = ExecutionTime.forCron(expression(params));
        ZoneId zone = zone(params.get(TIMEZONE.name()));
        return time -> times.nextExecution(ZonedDateTime.ofInstant(time, zone)).map(ZonedDateTime::toInstant);
    }

    @Override
    public Firing firing(Params params) {
        return new Timed(schedule(params.asMap()), params.get(FIRE_AT_START));
    }

    /** As a plain gate: succeeds when a cron time has passed since it last succeeded. */
    @Override
    public PipeResult execute(PipeContext context, Params params) {
        return gate.ask(schedule(params.asMap()));
    }
}
