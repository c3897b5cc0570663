package dev.otai.api;

import java.util.Optional;

/**
 * A pipe as placed in the config tree: built and validated at load time, run many times. Running a node
 * renders its params with the given context, executes the pipe, and turns anything it throws into a failed
 * result. Composites, runners and orchestrators run their children through their nodes.
 */
public interface PipeNode {

    /** The pipe's id; unique among its siblings. */
    String id();

    /** The pipe type, as {@code plugin:Name}. */
    String use();

    /** Where the pipe is in the config, for example {@code orchestrator.params.steps[0].params.run}. */
    String path();

    /** Renders, executes and returns the result; never throws. */
    PipeResult run(PipeContext context);

    /** Renders the params with the given context without running the pipe. */
    Params render(PipeContext context);

    /** The pipe instance when it implements the given role interface (for example {@link Trigger}). */
    <T> Optional<T> role(Class<T> role);
}
