package dev.otai.core.assembly;

import dev.otai.api.ConfigException;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.core.template.Fail;
import dev.otai.core.template.RunScope;
import dev.otai.core.template.TemplateEngine;
import dev.otai.core.template.TemplateException;
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

    Node(NodePlan plan, Pipe pipe, List<ParamPlan> params, TemplateEngine templates, Map<String, String> environment) {
        this.plan = plan;
        this.pipe = pipe;
        this.params = params;
        this.templates = templates;
        this.environment = environment;
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
            try {
                Object rendered = Rendering.render(param.value(), templates, scope);
                values.put(param.name(), rendered == Fail.MARKER ? Fail.MARKER : convert(param, rendered));
            } catch (TemplateException e) {
                throw new ConfigException(scope.redact(culprit() + ": param '" + param.name() + "': " + e.getMessage() + where(param)));
            } catch (ConfigException e) {
                throw new ConfigException(scope.redact(e.getMessage()));
            }
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
        PipeResult result;
        try {
            result = execute(context);
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

    private PipeResult execute(PipeContext context) {
        try {
            Params rendered = render(context);
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
