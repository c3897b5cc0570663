package dev.otai.core.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scope templates are checked with at load time. It knows which pipe ids will have results when the pipe
 * runs, which params its parent has, which run values exist (for-each item, trigger event) and the
 * environment; everything else is a {@link Placeholder}. Function calls that can never work are recorded.
 *
 * @param visiblePipeIds  ids of pipes that run before this one in the same run
 * @param parentParams    the parent's param names, or null when unknown
 * @param valueNames      run values in scope, such as {@code item}
 */
public final class ValidationScope implements TemplateScope {

    private final Set<String> visiblePipeIds;
    private final Set<String> parentParams;
    private final Map<String, String> environment;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Placeholder placeholder = new Placeholder();

    public ValidationScope(Set<String> visiblePipeIds, Set<String> parentParams, Set<String> valueNames,
                           Map<String, String> environment) {
        this.visiblePipeIds = visiblePipeIds;
        this.parentParams = parentParams;
        this.environment = environment;
        variables.put("pipe_results", placeholder);
        variables.put("parent_params", placeholder);
        variables.put("params", placeholder);
        valueNames.forEach(name -> variables.put(name, placeholder));
    }

    /** Whether the template checked with this scope read a value that only exists at run time. */
    boolean readPlaceholder() {
        return placeholder.wasRead();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public Map<String, Object> variables() {
        return variables;
    }

    @Override
    public Object pipeResult(String pipeId, String key) {
        requireVisible("get_pipe_result", pipeId);
        placeholder.markRead();
        return placeholder;
    }

    @Override
    public boolean hasFailed(String pipeId) {
        requireVisible("has_failed", pipeId);
        return false;
    }

    private void requireVisible(String function, String pipeId) {
        if (pipeId != null && !visiblePipeIds.contains(pipeId)) {
            problems.add(function + "('" + pipeId + "') refers to pipe '" + pipeId
                    + "', which does not run before this one; pipes that do: " + visiblePipeIds);
        }
    }

    @Override
    public String env(String name) {
        String value = environment.get(name);
        if (value == null) {
            problems.add("get_env('" + name + "'): environment variable '" + name + "' is not set");
            return "";
        }
        return value;
    }

    @Override
    public Object parentParam(String key) {
        if (parentParams != null && !parentParams.contains(key)) {
            problems.add("get_parent_param('" + key + "'): the parent has no param '" + key + "'; its params: " + parentParams);
        }
        placeholder.markRead();
        return placeholder;
    }
}
