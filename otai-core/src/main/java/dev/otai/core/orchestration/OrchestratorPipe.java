package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
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
import java.util.List;
import java.util.Map;

/**
 * The root pipe: runs its runners until the engine is asked to stop. OTAI's {@code orchestrator_sleep},
 * {@code exception_sleep} and {@code always_retry} are accepted and have nothing to tune: nothing polls, and a
 * failing runner never stops the others.
 */
public final class OrchestratorPipe implements Pipe {

    static final Param<List<PipeNode>> STEPS = Param.pipes("steps").aliasedAs("runners").describedAs("the runners");
    static final Param<Duration> SHUTDOWN_GRACE = Param.duration("shutdown_grace").defaultsTo(Duration.ofSeconds(30))
            .constrained(v -> !v.isNegative(), "a duration of zero or more")
            .describedAs("how long in-flight runs may take to finish after a stop signal");
    private static final Param<Duration> ORCHESTRATOR_SLEEP = Param.duration("orchestrator_sleep")
            .describedAs("accepted for OTAI configs; nothing polls, so it has no effect");
    private static final Param<Duration> EXCEPTION_SLEEP = Param.duration("exception_sleep")
            .describedAs("accepted for OTAI configs; failing runners are isolated and retried by their own schedule");
    private static final Param<Boolean> ALWAYS_RETRY = Param.bool("always_retry")
            .describedAs("accepted for OTAI configs; a failing runner never stops the engine");

    public static final PipeType TYPE = new PipeType() {
        @Override
        public String name() {
            return "SimpleSequentialOrchestrator";
        }

        @Override
        public String description() {
            return "The root pipe: starts triggers and runs each runner when its triggers fire, until stopped.";
        }

        @Override
        public List<ParamSpec> params() {
            return PipeType.specs(List.of(STEPS, SHUTDOWN_GRACE, ORCHESTRATOR_SLEEP, EXCEPTION_SLEEP, ALWAYS_RETRY));
        }

        @Override
        public boolean independentChildren() {
            return true;
        }

        @Override
        public Pipe create(PipeSetup setup) {
            return new OrchestratorPipe(setup.facility(TriggerGateway.class), setup.facility(OrchestratorHandoff.class));
        }
    };

    private final TriggerGateway gateway;
    private final OrchestratorHandoff handoff;

    OrchestratorPipe(TriggerGateway gateway, OrchestratorHandoff handoff) {
        this.gateway = gateway;
        this.handoff = handoff;
    }

    /**
     * Runs the engine's orchestrator over the runners the engine read from the tree when it started; the rendered
     * params add nothing to them.
     */
    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        Orchestrator orchestrator = handoff.orchestrator();
        gateway.attach(orchestrator);
        try {
            orchestrator.run();
        } finally {
            gateway.detach(orchestrator);
        }
        return PipeResult.success("stopped", Map.of());
    }
}
