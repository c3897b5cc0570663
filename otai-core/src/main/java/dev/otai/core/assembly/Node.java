package dev.otai.core.assembly;

import dev.otai.api.ConfigException;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.core.orchestration.LeaseLost;
import dev.otai.core.orchestration.RunJournal;
import dev.otai.core.orchestration.StepEvent;
import dev.otai.core.orchestration.StepListener;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.template.Fail;
import dev.otai.core.template.TemplateEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A pipe in the running tree, and the engine's one catch boundary: running it renders the params, executes
 * the pipe, and turns any exception into a failed result, logged once here. Inside a run it is also where the
 * run journal records each step's result and, when the run resumes an interrupted one, replays it instead.
 */
final class Node implements PipeNode {

    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private final NodePlan plan;
    private final Pipe pipe;
    private final ParamRenderer params;
    private final StepListener steps;
    private final Secrets secrets;
    private final RunJournal journal;

    Node(NodePlan plan, Pipe pipe, List<ParamPlan> params, TemplateEngine templates, Map<String, String> environment) {
        this(plan, pipe, params, templates, environment, StepListener.NONE, new Secrets(new Redactor(), environment),
                RunJournal.NONE);
    }

    Node(NodePlan plan, Pipe pipe, List<ParamPlan> params, TemplateEngine templates, Map<String, String> environment,
         StepListener steps, Secrets secrets, RunJournal journal) {
        this.plan = plan;
        this.pipe = pipe;
        this.params = new ParamRenderer("pipe '" + plan.config().id() + "' (" + plan.use() + ")", params, templates, environment,
                secrets);
        this.steps = steps;
        this.secrets = secrets;
        this.journal = journal;
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
        boolean inRun = !context.run().runId().isEmpty();
        if (inRun) {
            var recorded = journal.recorded(context.run(), context.scope(), path());
            if (recorded.isPresent()) {
                log.debug("Pipe '{}' ({}) {} (replayed from the run journal)", id(), use(), recorded.get().outcome());
                return recorded.get();
            }
        }
        PipeResult result = runHere(context);
        if (inRun && !interrupted(result)) {
            journal.record(context.run(), context.scope(), path(), result);
        }
        return result;
    }

    /** A step cancelled by a stop is not recorded: a resumed run runs it again. */
    private static boolean interrupted(PipeResult result) {
        return result instanceof PipeResult.Failed failed && failed.cause() instanceof InterruptedException;
    }

    private PipeResult runHere(PipeContext context) {
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
            Map<String, Object> given = rendered == null ? Map.of() : secrets.masked(params.params(), rendered.asMap());
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) secrets.scrub(result.data());
            steps.finished(new StepEvent(context.run(), id(), use(), path(), context.scope(), result.outcome(),
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
            for (ParamPlan param : params.params()) {
                if (rendered.value(param.name()) == Fail.MARKER) {
                    return PipeResult.failed("param '" + param.name() + "' called fail()");
                }
            }
            PipeResult result = pipe.execute(context, rendered);
            return result != null ? withoutSecrets(result) : PipeResult.failed(culprit() + " returned no result");
        } catch (ConfigException e) {
            log.error("{}", e.getMessage());
            return PipeResult.failed(secrets.scrubText(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PipeResult.failed("interrupted (the run was cancelled)", e);
        } catch (LeaseLost e) { // not a bug: the run ends "lease lost", said once at WARN by its runner
            return PipeResult.failed(secrets.scrubText(culprit() + ": " + e.getMessage()), e);
        } catch (Exception | StackOverflowError | LinkageError e) {
            log.error("Pipe '{}' ({}) at {} threw {}", id(), use(), path(), e.toString(), e);
            return PipeResult.failed(secrets.scrubText(culprit() + " threw " + e), e);
        }
    }

    /** The result with secrets cut from its message (its data stays as is: later steps work with it). */
    private PipeResult withoutSecrets(PipeResult result) {
        String message = secrets.scrubText(result.message());
        if (message.equals(result.message())) {
            return result;
        }
        return switch (result) {
            case PipeResult.Succeeded ok -> new PipeResult.Succeeded(ok.data(), message);
            case PipeResult.Skipped skipped -> new PipeResult.Skipped(message);
            case PipeResult.Failed failed -> new PipeResult.Failed(message, failed.cause());
        };
    }

    NodePlan plan() {
        return plan;
    }

    @Override
    public String toString() {
        return id() + " (" + use() + ")";
    }
}
