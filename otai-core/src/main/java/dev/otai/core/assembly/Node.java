package dev.otai.core.assembly;

import dev.otai.api.ConfigException;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.core.orchestration.StepEvent;
import dev.otai.core.orchestration.StepListener;
import dev.otai.core.template.Fail;
import dev.otai.core.template.RunScope;
import dev.otai.core.template.TemplateEngine;
import dev.otai.core.template.TemplateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A pipe in the running tree, and the engine's one catch boundary: running it renders the params, executes
 * the pipe, and turns any exception into a failed result, logged once here.
 */
final class Node implements PipeNode {

    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private final NodePlan plan;
    private final Pipe pipe;
    private final List<ParamPlan> params;
    private final Map<String, Object> constants;
    private final TemplateEngine templates;
    private final Map<String, String> environment;
    private final StepListener steps;
    private final Secrets secrets;

    Node(NodePlan plan, Pipe pipe, List<ParamPlan> params, TemplateEngine templates, Map<String, String> environment) {
        this(plan, pipe, params, templates, environment, StepListener.NONE, new Secrets(Map.of()));
    }

    Node(NodePlan plan, Pipe pipe, List<ParamPlan> params, TemplateEngine templates, Map<String, String> environment,
         StepListener steps, Secrets secrets) {
        this.plan = plan;
        this.pipe = pipe;
        this.params = params;
        this.templates = templates;
        this.environment = environment;
        this.steps = steps;
        this.secrets = secrets;
        this.constants = convertConstants(params);
    }

    /** Constant params are converted once; only templated ones are rendered per run. */
    private Map<String, Object> convertConstants(List<ParamPlan> all) {
        var out = new LinkedHashMap<String, Object>();
        for (ParamPlan param : all) {
            if (param.value().isConstant()) {
                out.put(param.name(), convert(param, Rendering.render(param.value(), templates, null)));
            }
        }
        return out;
    }

    @Override
    public String id() {
        return plan.config().id();
    }

    @Override
    public String use() {
        return plan.use();
    }

    @Override
    public String path() {
        return plan.config().path();
    }

    @Override
    public <T> Optional<T> role(Class<T> role) {
        return role.isInstance(pipe) ? Optional.of(role.cast(pipe)) : Optional.empty();
    }

    @Override
    public Params render(PipeContext context) {
        var values = new LinkedHashMap<String, Object>();
        RunScope scope = null;
        for (ParamPlan param : params) {
            if (constants.containsKey(param.name())) {
                values.put(param.name(), constants.get(param.name()));
                continue;
            }
            if (scope == null) {
                scope = new RunScope(context, environment);
            }
            Object rendered;
            try {
                rendered = Rendering.render(param.value(), templates, scope);
            } catch (TemplateException e) {
                throw new ConfigException(culprit() + ": param '" + param.name() + "': " + e.getMessage() + where(param), e);
            }
            values.put(param.name(), rendered == Fail.MARKER ? Fail.MARKER : convert(param, rendered));
        }
        return new RenderedParams(values);
    }

    private Object convert(ParamPlan param, Object rendered) {
        return switch (Coercion.coerce(param.spec(), rendered)) {
            case Coercion.Outcome.Ok ok -> ok.value();
            case Coercion.Outcome.Wrong wrong ->
                    throw new ConfigException(culprit() + ": param '" + param.name() + "' " + wrong.problem() + where(param));
        };
    }

    private static String where(ParamPlan param) {
        return " at " + param.path() + " (" + param.location() + ")";
    }

    private String culprit() {
        return "pipe '" + id() + "' (" + use() + ")";
    }

    @Override
    public PipeResult run(PipeContext context) {
        long start = System.nanoTime();
        String outerPipe = MDC.get("pipe");
        MDC.put("pipe", id());
        boolean reported = steps != StepListener.NONE && !context.run().runId().isEmpty();
        Params[] rendered = reported ? new Params[1] : null;
        PipeResult result;
        try {
            if (reported) {
                steps.started(context.run(), id(), use());
            }
            result = execute(context, rendered);
            if (reported) {
                report(context, result, rendered[0], System.nanoTime() - start);
            }
        } finally {
            if (outerPipe == null) {
                MDC.remove("pipe");
            } else {
                MDC.put("pipe", outerPipe);
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("Pipe '{}' ({}) {} in {} ms{}", id(), use(), result.outcome(), (System.nanoTime() - start) / 1_000_000,
                    result.message().isEmpty() ? "" : ": " + result.message());
        }
        return result;
    }

    /** Tells the step listener, with secrets removed; a listener that throws never affects the run. */
    private void report(PipeContext context, PipeResult result, Params rendered, long nanos) {
        try {
            Map<String, Object> given = rendered == null ? Map.of() : secrets.redact(params, rendered.asMap());
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) secrets.scrub(result.data());
            steps.finished(new StepEvent(context.run(), id(), use(), path(), result.outcome(),
                    secrets.scrubText(result.message()), Duration.ofNanos(nanos), given, data));
        } catch (RuntimeException e) {
            log.warn("Step listener failed for pipe '{}': {}", id(), e.toString());
        }
    }

    private PipeResult execute(PipeContext context, Params[] renderedOut) {
        try {
            Params rendered = render(context);
            if (renderedOut != null) {
                renderedOut[0] = rendered;
            }
            for (ParamPlan param : params) {
                if (rendered.value(param.name()) == Fail.MARKER) {
                    return PipeResult.failed("param '" + param.name() + "' called fail()");
                }
            }
            PipeResult result = pipe.execute(context, rendered);
            return result != null ? result : PipeResult.failed(culprit() + " returned no result");
        } catch (ConfigException e) {
            log.error("{}", e.getMessage());
            return PipeResult.failed(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PipeResult.failed("interrupted (the run was cancelled)", e);
        } catch (Exception | StackOverflowError | LinkageError e) {
            log.error("Pipe '{}' ({}) at {} threw {}", id(), use(), path(), e.toString(), e);
            return PipeResult.failed(culprit() + " threw " + e, e);
        }
    }

    NodePlan plan() {
        return plan;
    }

    @Override
    public String toString() {
        return id() + " (" + use() + ")";
    }
}
