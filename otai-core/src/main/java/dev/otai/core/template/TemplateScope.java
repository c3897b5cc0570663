package dev.otai.core.template;

import java.util.Map;

/**
 * What a template can see: its variables, and the backends of the template functions. A run scope answers
 * from a real pipe context; a validation scope answers with placeholders and records what it cannot know.
 */
public interface TemplateScope {

    /** Top-level variables: {@code pipe_results}, {@code parent_params}, for-each items, trigger events… */
    Map<String, Object> variables();

    /** {@code get_pipe_result(id, key)}. */
    Object pipeResult(String pipeId, String key);

    /** {@code has_failed(id)}. */
    boolean hasFailed(String pipeId);

    /** {@code get_env(name)}. */
    String env(String name);

    /** {@code get_parent_param(key)}. */
    Object parentParam(String key);
}
