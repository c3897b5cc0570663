package dev.otai.core.template;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The template scope of one pipe execution: its context's results, parent params and run values. */
public final class RunScope implements TemplateScope {

    private final PipeContext context;
    private final Map<String, String> environment;
    private final Map<String, Object> variables;
    private final Set<String> envValuesRead = ConcurrentHashMap.newKeySet();

    public RunScope(PipeContext context, Map<String, String> environment) {
        this.context = context;
        this.environment = environment;
        this.variables = variables(context);
    }

    private static Map<String, Object> variables(PipeContext context) {
        var results = new LinkedHashMap<String, Object>();
        context.results().forEach((id, result) -> results.put(id, asMap(result)));
        var variables = new LinkedHashMap<String, Object>();
        variables.put("pipe_results", results);
        variables.put("parent_params", context.parentParams());
        variables.put("params", context.parentParams());
        variables.putAll(context.values());
        return variables;
    }

    /** A result as templates see it: {@code succeeded, was_skipped, failed, message, data}. */
    public static Map<String, Object> asMap(PipeResult result) {
        var map = new LinkedHashMap<String, Object>();
        map.put("succeeded", result.succeeded());
        map.put("was_skipped", result.skipped());
        map.put("failed", result.failed());
        map.put("message", result.message());
        map.put("data", result.data());
        return map;
    }

    @Override
    public Map<String, Object> variables() {
        return variables;
    }

    @Override
    public Object pipeResult(String pipeId, String key) {
        PipeResult result = context.results().get(pipeId);
        if (result == null) {
            throw new TemplateException("get_pipe_result('" + pipeId + "'): no pipe '" + pipeId
                    + "' has run before this one; results available: " + context.results().keySet());
        }
        if (!result.data().containsKey(key)) {
            String state = result.succeeded() ? "its data keys are " + result.data().keySet()
                    : "it " + result.outcome() + ": " + result.message();
            throw new TemplateException("get_pipe_result('" + pipeId + "', '" + key + "'): pipe '" + pipeId
                    + "' has no data '" + key + "'; " + state);
        }
        return result.data().get(key);
    }

    @Override
    public boolean hasFailed(String pipeId) {
        PipeResult result = context.results().get(pipeId);
        if (result == null) {
            throw new TemplateException("has_failed('" + pipeId + "'): no pipe '" + pipeId
                    + "' has run before this one; results available: " + context.results().keySet());
        }
        return result.failed();
    }

    @Override
    public String env(String name) {
        String value = environment.get(name);
        if (value == null) {
            throw new TemplateException("get_env('" + name + "'): environment variable '" + name + "' is not set");
        }
        envValuesRead.add(value);
        return value;
    }

    /** Every value this scope read with {@code get_env}: such values are secrets, whatever their length. */
    public Set<String> environmentRead() {
        return Set.copyOf(envValuesRead);
    }

    @Override
    public Object parentParam(String key) {
        if (!context.parentParams().containsKey(key)) {
            throw new TemplateException("get_parent_param('" + key + "'): the parent has no param '" + key
                    + "'; its params: " + context.parentParams().keySet());
        }
        return context.parentParams().get(key);
    }
}
