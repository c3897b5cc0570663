package dev.otai.core.base.trigger;

import dev.otai.api.EventTrigger;
import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Trigger;
import dev.otai.core.orchestration.WebhookReaders;
import java.time.InstantSource;
import java.util.List;

/**
 * Fires when an operator runs {@code otai trigger <id>} against the running engine (which posts to
 * {@code /hooks/{id}} on the engine's HTTP server with the {@code token}), and optionally once at startup. With
 * a {@code token}, a request must carry it ({@code X-Otai-Token}, {@code Authorization: Bearer}, or any other
 * credential {@link SharedSecret} knows); without one, the trigger must say {@code allow_unauthenticated: true}
 * unless the HTTP server listens on loopback only (checked at load time).
 */
public final class ManualTrigger implements Trigger, EventTrigger {

    private static final Param<String> TOKEN = Param.string("token").secretValue()
            .describedAs("the token 'otai trigger' must send (--token or OTAI_TRIGGER_TOKEN)");
    private static final Param<Boolean> FIRE_AT_START = Param.bool("fire_at_start").aliasedAs("on_startup").defaultsTo(false)
            .describedAs("fire once when the orchestrator starts");

    public static final PipeType TYPE = PipeType.trigger("ManualTrigger",
            "Fires on 'otai trigger <id>' against the running engine, and at startup if asked.",
            List.of(TOKEN,
                    ALLOW_UNAUTHENTICATED
                            .describedAs("take requests without a token even when the HTTP server is reachable from other hosts"),
                    FIRE_AT_START),
            given -> EventIntake.emptyCredential(given, TOKEN.name()),
            setup -> new ManualTrigger(setup.facility(InstantSource.class), EventIntake.readers(setup)));

    private final EventIntake intake;
    private volatile boolean received;

    private ManualTrigger(InstantSource clock, WebhookReaders readers) {
        this.intake = new EventIntake(clock, readers);
    }

    @Override
    public Firing firing(Params params) {
        return new OnEvent(params.get(FIRE_AT_START));
    }

    @Override
    public Verdict accept(Request request, Params params) {
        Verdict verdict = intake.accept(request, params.find(TOKEN), WebhookTrigger.DEFAULT_REPLAY_WINDOW);
        received |= verdict instanceof Accepted;
        return verdict;
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
