package dev.otai.api;

/**
 * The one contract of the engine: orchestrators, runners, triggers and workflow steps are all pipes.
 *
 * <p>A pipe is created once, when the config is loaded, and executed many times. Its params are rendered
 * from their templates right before each execution, with the context of that execution, and handed in as
 * {@link Params}. An exception escaping {@code execute} is turned into a {@link PipeResult.Failed} by the
 * engine, at one boundary, and logged once.
 */
@FunctionalInterface
public interface Pipe {

    PipeResult execute(PipeContext context, Params params) throws Exception;
}
