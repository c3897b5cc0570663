package dev.otai.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pipe sees of the run it is part of. Immutable: every {@code with…} returns a new context.
 *
 * <ul>
 *   <li>{@link #results()}: results of earlier sibling pipes (and of the siblings of enclosing pipes that ran
 *       before them), by pipe id;</li>
 *   <li>{@link #parentParams()}: the rendered params of the enclosing composite;</li>
 *   <li>{@link #values()}: run-scoped values such as the current item of a for-each or the trigger event,
 *       each visible to templates under its name;</li>
 *   <li>{@link #run()}: which runner, trigger and run this execution belongs to;</li>
 *   <li>{@link #scope()}: where in the run this execution is: empty at the top, {@code item 3} inside the fourth
 *       item of a for-each (nested for-eaches join theirs with {@code /}); the run journal keys step results by it.</li>
 * </ul>
 */
public final class PipeContext {

    private static final PipeContext EMPTY = new PipeContext(Map.of(), Map.of(), Map.of(), RunInfo.NONE, "");

    private final Map<String, PipeResult> results;
    private final Map<String, Object> parentParams;
    private final Map<String, Object> values;
    private final RunInfo run;
    private final String scope;

    private PipeContext(Map<String, PipeResult> results, Map<String, Object> parentParams,
                        Map<String, Object> values, RunInfo run, String scope) {
        this.results = results;
        this.parentParams = parentParams;
        this.values = values;
        this.run = run;
        this.scope = scope;
    }

    public static PipeContext empty() {
        return EMPTY;
    }

    public static PipeContext forRun(RunInfo run) {
        return new PipeContext(Map.of(), Map.of(), Map.of(), Objects.requireNonNull(run, "run"), "");
    }

    public Map<String, PipeResult> results() {
        return results;
    }

    public Optional<PipeResult> result(String pipeId) {
        return Optional.ofNullable(results.get(pipeId));
    }

    public Map<String, Object> parentParams() {
        return parentParams;
    }

    public Map<String, Object> values() {
        return values;
    }

    public RunInfo run() {
        return run;
    }

    public String scope() {
        return scope;
    }

    /** This context one level deeper: {@code part} (such as {@code item 3}) appended to the scope. */
    public PipeContext withinScope(String part) {
        Objects.requireNonNull(part, "part");
        return new PipeContext(results, parentParams, values, run, scope.isEmpty() ? part : scope + "/" + part);
    }

    public PipeContext withResult(String pipeId, PipeResult result) {
        Objects.requireNonNull(pipeId, "pipeId");
        Objects.requireNonNull(result, "result");
        var copy = new LinkedHashMap<>(results);
        copy.remove(pipeId); // a re-used id moves to the end, so iteration order is execution order
        copy.put(pipeId, result);
        return new PipeContext(Collections.unmodifiableMap(copy), parentParams, values, run, scope);
    }

    public PipeContext withParentParams(Map<String, ?> params) {
        return new PipeContext(results, frozen(params), values, run, scope);
    }

    public PipeContext withValue(String name, Object value) {
        Objects.requireNonNull(name, "name");
        var copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new PipeContext(results, parentParams, Collections.unmodifiableMap(copy), run, scope);
    }

    private static Map<String, Object> frozen(Map<String, ?> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @Override
    public String toString() {
        return "PipeContext" + results.keySet() + " run=" + run;
    }
}
