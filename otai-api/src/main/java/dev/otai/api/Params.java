package dev.otai.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The params of one pipe execution, rendered from their templates and converted to the kinds their
 * {@link Param} keys declare (nested keys and items included). Read them with the keys the pipe declared:
 * {@code params.get(TOP_K)}.
 */
public interface Params {

    /**
     * The converted value under a name, or null when absent. The escape hatch for params a type does not declare
     * (types that accept extra params pass them on); declared params are read with {@link #get}.
     */
    Object value(String name);

    /**
     * All data params (declared and extra) as rendered, in config order, without nested pipe configs: what
     * children of a composite read with {@code get_parent_param}.
     */
    Map<String, Object> asMap();

    /**
     * The value of a declared param, or its default. Lists of pipes read as empty when absent. Throws
     * {@link IllegalStateException} for any other absent param: the engine has already checked required params,
     * so this means the pipe read an optional param without a default; use {@link #find} for those.
     */
    default <T> T get(Param<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException("param '" + key.name()
                + "' is not set and has no default; read optional params with find()"));
    }

    /** The value of a declared param or its default, or empty when absent. */
    default <T> Optional<T> find(Param<T> key) {
        Object value = value(key.name());
        if (value == null) {
            value = key.spec().defaultValue();
        }
        return Optional.ofNullable(key.cast(value));
    }

    /** Whether the param was given or has a default. */
    default boolean has(Param<?> key) {
        return value(key.name()) != null || key.spec().defaultValue() != null;
    }

    /** The fields of a mapping param, read with the keys its {@link Param#withFields} declared. */
    default Params fields(Param<Map<String, Object>> key) {
        return of(find(key).orElse(Map.of()));
    }

    /** Params over a plain mapping, for reading a mapping's declared fields or for tests. */
    static Params of(Map<String, ?> values) {
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        return new Params() {
            @Override
            public Object value(String name) {
                return copy.get(name);
            }

            @Override
            public Map<String, Object> asMap() {
                return copy;
            }

            @Override
            public String toString() {
                return "Params" + copy.keySet();
            }
        };
    }
}
