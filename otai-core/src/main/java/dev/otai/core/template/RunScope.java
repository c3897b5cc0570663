package dev.otai.core.template;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The template scope of one pipe execution: its context's results, parent params and run values. */
public final class RunScope implements TemplateScope {

    private final PipeContext context;
    private final Map<String, String> environment;
    private final Map<String, Object> variables;
    /** Created by the first {@code get_env}, which most renders never call; guarded by {@code this}. */
    private Set<String> envValuesRead;

    public RunScope(PipeContext context, Map<String, String> environment) {
        this.context = context;
        this.environment = environment;
        this.variables = variables(context);
    }

    private static Map<String, Object> variables(PipeContext context) {
        var variables = new LinkedHashMap<String, Object>();
        variables.put("pipe_results", new ResultsView(context.results()));
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
        synchronized (this) {
            if (envValuesRead == null) {
                envValuesRead = new LinkedHashSet<>();
            }
            envValuesRead.add(value);
        }
        return value;
    }

    /** Every value this scope read with {@code get_env}: such values are secrets, whatever their length. */
    public synchronized Set<String> environmentRead() {
        return envValuesRead == null ? Set.of() : Set.copyOf(envValuesRead);
    }

    @Override
    public Object parentParam(String key) {
        if (!context.parentParams().containsKey(key)) {
            throw new TemplateException("get_parent_param('" + key + "'): the parent has no param '" + key
                    + "'; its params: " + context.parentParams().keySet());
        }
        return context.parentParams().get(key);
    }

    /**
     * The earlier results as templates see them ({@link #asMap}), each turned into its map when a template reads
     * it: a step's scope sees every result before it, and most templates read one or two of them.
     */
    private static final class ResultsView extends AbstractMap<String, Object> {

        private final Map<String, PipeResult> results;

        ResultsView(Map<String, PipeResult> results) {
            this.results = results;
        }

        @Override
        public Object get(Object id) {
            PipeResult result = results.get(id);
            return result == null ? null : asMap(result);
        }

        @Override
        public boolean containsKey(Object id) {
            return results.containsKey(id);
        }

        @Override
        public int size() {
            return results.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    Iterator<Entry<String, PipeResult>> each = results.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return each.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            Entry<String, PipeResult> entry = each.next();
                            return new SimpleImmutableEntry<>(entry.getKey(), asMap(entry.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return results.size();
                }
            };
        }
    }
}
