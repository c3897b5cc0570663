package dev.otai.core.assembly;

import dev.otai.api.ConfigException;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.core.template.Fail;
import dev.otai.core.template.TemplateEngine;
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
    private final ParamRenderer params;

    Node(NodePlan plan, Pipe pipe, List<ParamPlan> params, TemplateEngine templates, Map<String, String> environment) {
        this.plan = plan;
        this.pipe = pipe;
        this.params = new ParamRenderer("pipe '" + plan.config().id() + "' (" + plan.use() + ")", params, templates, environment);
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
        return params.render(context);
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
            for (ParamPlan param : params.params()) {
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
