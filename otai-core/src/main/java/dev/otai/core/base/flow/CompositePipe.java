package dev.otai.core.base.flow;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs its steps in order. Each step sees the results of the steps before it, and the composite's own params
 * through {@code get_parent_param}. A failed step stops the composite, which then fails naming the step; a
 * skipped step does not. The data of all steps that succeeded is merged, later keys winning.
 */
public final class CompositePipe implements Pipe {

    private static final Param<List<PipeNode>> STEPS = Param.pipes("steps").describedAs("the pipes to run, in order");

    public static final PipeType TYPE = PipeType.of("CompositePipe",
            "Runs steps in order; stops and fails at the first failed step; merges the steps' data.",
            List.of(STEPS),
            Map.of(), true, setup -> new CompositePipe());

    @Override
    public PipeResult execute(PipeContext context, Params params) {
        PipeContext current = context.withParentParams(params.asMap());
        var data = new LinkedHashMap<String, Object>();
        var messages = new StringJoiner("; ");
        for (PipeNode step : params.get(STEPS)) {
            PipeResult result = step.run(current);
            current = current.withResult(step.id(), result);
            switch (result) {
                case PipeResult.Failed failed -> {
                    return PipeResult.failed("step '" + step.id() + "' failed: " + failed.message(), failed.cause());
                }
                case PipeResult.Succeeded succeeded -> data.putAll(succeeded.data());
                case PipeResult.Skipped skipped -> { }
            }
            if (!result.message().isEmpty()) {
                messages.add(result.message());
            }
        }
        return PipeResult.success(messages.toString(), data);
    }
}
