package dev.otai.core.template;

import java.time.InstantSource;
import java.util.Optional;

/**
 * One render's allowance and what it has used: loop iterations, elements, time. The first limit it passes is
 * remembered, and every later check fails the same way, so a render unwinds at once whatever Jinjava catches.
 * It also carries the scope the template functions answer from; nothing of it is visible to templates.
 */
final class RenderBudget {

    private final TemplateScope scope;
    private final Template template;
    private final TemplateLimits limits;
    private final InstantSource clock;
    private final long deadline;
    private long iterations;
    private TemplateException breach;

    /** @param template the template rendered, quoted by error messages (only when there is one) */
    RenderBudget(TemplateScope scope, Template template, TemplateLimits limits, InstantSource clock) {
        this.scope = scope;
        this.template = template;
        this.limits = limits;
        this.clock = clock;
        this.deadline = clock.millis() + limits.maxRenderTime().toMillis();
    }

    TemplateScope scope() {
        return scope;
    }

    TemplateLimits limits() {
        return limits;
    }

    /** Counts {@code count} more loop passes or elements produced by {@code what}; fails past the limit or the deadline. */
    void spend(long count, String what) {
        if (breach != null) {
            throw breach;
        }
        iterations += count;
        if (iterations > limits.maxLoopIterations()) {
            throw breach("ran more than " + limits.maxLoopIterations() + " loop iterations (at " + what
                    + "); limit infrastructure.templates.max_loop_iterations");
        }
        checkTime();
    }

    /** Fails when {@code count} more would pass the limit, without spending them. */
    void require(long count, String what) {
        if (breach != null) {
            throw breach;
        }
        if (iterations + count > limits.maxLoopIterations()) {
            throw breach("would run more than " + limits.maxLoopIterations() + " loop iterations (at " + what
                    + "); limit infrastructure.templates.max_loop_iterations");
        }
        checkTime();
    }

    /** Fails once the render has taken longer than its time limit. */
    void checkTime() {
        if (breach != null) {
            throw breach;
        }
        if (clock.millis() > deadline) {
            throw breach("took longer than " + limits.maxRenderTime().toMillis()
                    + " ms; limit infrastructure.templates.max_render_time");
        }
    }

    /** Fails when {@code what} produced a text longer than the output limit. */
    void checkLength(long length, String what) {
        if (length > limits.maxOutputChars()) {
            throw outputTooLong(what);
        }
    }

    TemplateException outputTooLong(String what) {
        return breach("produced more than " + limits.maxOutputChars() + " characters (at " + what
                + "); limit infrastructure.templates.max_output_chars");
    }

    /** The first limit this render passed, if any. */
    Optional<TemplateException> breach() {
        return Optional.ofNullable(breach);
    }

    /** An error for something this render's template may not do. */
    TemplateException refuse(String problem) {
        return new TemplateException("template " + TemplateEngine.quote(template) + " " + problem);
    }

    private TemplateException breach(String message) {
        if (breach == null) {
            breach = refuse("stopped: it " + message);
        }
        return breach;
    }
}
