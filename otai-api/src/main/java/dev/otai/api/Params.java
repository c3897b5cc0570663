package dev.otai.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The params of one pipe execution, rendered from their templates and converted to the kinds their
 * {@link ParamSpec}s declare. Accessors for a param that is absent and has no default throw
 * {@link IllegalStateException}; the engine has already checked required params, so this means a pipe asked
 * for a param it did not declare as required.
 */
public interface Params {

    /** Whether the param is present (given in the config, or defaulted). */
    boolean has(String name);

    /** The converted value, or null when absent. */
    Object value(String name);

    default String string(String name) {
        return (String) require(name);
    }

    default Optional<String> optionalString(String name) {
        return Optional.ofNullable((String) value(name));
    }

    default long integer(String name) {
        return ((Number) require(name)).longValue();
    }

    default double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    default boolean bool(String name) {
        return (Boolean) require(name);
    }

    default Duration duration(String name) {
        return (Duration) require(name);
    }

    default Optional<Duration> optionalDuration(String name) {
        return Optional.ofNullable((Duration) value(name));
    }

    @SuppressWarnings("unchecked")
    default Map<String, Object> map(String name) {
        return (Map<String, Object>) require(name);
    }

    @SuppressWarnings("unchecked")
    default List<Object> list(String name) {
        return (List<Object>) require(name);
    }

    /** The nested pipe of a {@link ParamKind#PIPE} param; it is rendered only when run. */
    default PipeNode pipe(String name) {
        return (PipeNode) require(name);
    }

    /** The nested pipes of a {@link ParamKind#PIPES} or {@link ParamKind#TRIGGERS} param, or an empty list. */
    @SuppressWarnings("unchecked")
    default List<PipeNode> pipes(String name) {
        Object value = value(name);
        return value == null ? List.of() : (List<PipeNode>) value;
    }

    /**
     * All data params (declared and extra) as rendered, in config order, without nested pipe configs: what
     * children of a composite read with {@code get_parent_param}.
     */
    Map<String, Object> asMap();

    private Object require(String name) {
        Object value = value(name);
        if (value == null) {
            throw new IllegalStateException("param '" + name + "' is not set");
        }
        return value;
    }
}
