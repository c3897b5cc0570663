package dev.otai.core.base.trigger;

import dev.otai.api.EventTrigger;
import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Trigger;
import dev.otai.core.orchestration.WebhookReaders;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Fires on {@code POST /hooks/{id}}. With a {@code secret}, a request must prove it knows it ({@link SharedSecret}:
 * Zammad's and Zendesk's signatures, bearer token, Basic password, {@code X-Otai-Token}); Zendesk's signed
 * timestamps must lie within {@code replay_window}. Without a secret the trigger must say
 * {@code allow_unauthenticated: true} unless the HTTP server listens on loopback only (checked at load time).
 * A delivery id already queued ({@code X-Zammad-Delivery}…) is acknowledged once more, not run again.
 */
public final class WebhookTrigger implements Trigger, EventTrigger {

    static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(5);

    private static final Param<String> SECRET = Param.string("secret").secretValue()
            .describedAs("shared secret: HMAC signature (Zammad, Zendesk), bearer token, basic-auth password or X-Otai-Token");
    private static final Param<Duration> REPLAY_WINDOW = Param.duration("replay_window").defaultsTo(DEFAULT_REPLAY_WINDOW)
            .constrained(Duration::isPositive, "a positive duration")
            .describedAs("how far a signed timestamp (Zendesk) may be from the engine's time");
    private static final Param<Boolean> FIRE_AT_START = Param.bool("fire_at_start").defaultsTo(false)
            .describedAs("also fire once when the orchestrator starts");

    public static final PipeType TYPE = PipeType.trigger("WebhookTrigger",
            "Fires on POST /hooks/{id} of the engine's HTTP server; checks a shared secret.",
            List.of(SECRET,
                    ALLOW_UNAUTHENTICATED
                            .describedAs("take requests without a secret even when the HTTP server is reachable from other hosts"),
                    REPLAY_WINDOW, FIRE_AT_START),
            given -> EventIntake.emptyCredential(given, SECRET.name()),
            setup -> new WebhookTrigger(setup.facility(InstantSource.class), EventIntake.readers(setup)));

    private final EventIntake intake;
    private volatile boolean received;

    WebhookTrigger(InstantSource clock, WebhookReaders readers) {
        this.intake = new EventIntake(clock, readers);
    }

    @Override
    public Firing firing(Params params) {
        return new OnEvent(params.get(FIRE_AT_START));
    }

    @Override
    public Verdict accept(Request request, Params params) {
        Verdict verdict = intake.accept(request, params.find(SECRET), params.get(REPLAY_WINDOW));
        received |= verdict instanceof Accepted;
        return verdict;
    }

    /** As a plain gate: succeeds once per accepted request since it was last asked. */
    @Override
    public PipeResult execute(PipeContext context, Params params) {
        if (received) {
            received = false;
            return PipeResult.success();
        }
        return PipeResult.skipped("no webhook request since last asked");
    }
}
