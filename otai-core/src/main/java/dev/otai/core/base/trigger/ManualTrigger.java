package dev.otai.core.base.trigger;

import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeSetup;
import dev.otai.api.PipeType;
import dev.otai.api.Trigger;
import dev.otai.core.orchestration.EventTrigger;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires when an operator runs {@code otai trigger <id>} against the running engine (which posts to
 * {@code /hooks/{id}} on the engine's loopback HTTP server), and optionally once at startup.
 */
public final class ManualTrigger implements Trigger, EventTrigger {

    public static final PipeType TYPE = PipeType.trigger("ManualTrigger",
            "Fires on 'otai trigger <id>' against the running engine, and at startup if asked.",
            List.of(ParamSpec.bool("fire_at_start").aliasedAs("on_startup").defaultsTo(false)
                    .describedAs("fire once when the orchestrator starts")),
            ManualTrigger::create);

    private final InstantSource clock;
    private volatile boolean received;

    private ManualTrigger(InstantSource clock) {
        this.clock = clock;
    }

    private static Pipe create(PipeSetup setup) {
        return new ManualTrigger(setup.facility(InstantSource.class));
    }

    @Override
    public Firing firing(Params params) {
        return new OnEvent(params.bool("fire_at_start"));
    }

    @Override
    public Verdict accept(Request request, Params params) {
        Optional<Map<String, Object>> event = WebhookEvents.parse(request, clock.instant());
        if (event.isEmpty()) {
            return new Rejected(400, "body is not JSON");
        }
        received = true;
        return new Accepted(event.get(), false);
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) {
        if (received) {
            received = false;
            return PipeResult.success();
        }
        return PipeResult.skipped("not triggered since last asked");
    }
}
