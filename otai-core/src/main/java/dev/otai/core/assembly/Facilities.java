package dev.otai.core.assembly;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Engine facilities that pipes and services may ask for by type (the clock, the orchestration runtime, the
 * webhook registry…). Built once by the composition root; read-only afterwards.
 */
public final class Facilities {

    private final Map<Class<?>, Object> byType;

    private Facilities(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public <T> T require(Class<T> type) {
        Object value = byType.get(type);
        if (value == null) {
            throw new IllegalStateException("the engine offers no " + type.getName() + "; offered: "
                    + byType.keySet().stream().map(Class::getSimpleName).toList());
        }
        return type.cast(value);
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    public static final class Builder {
        private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

        public <T> Builder add(Class<T> type, T value) {
            byType.put(type, type.cast(value));
            return this;
        }

        public Facilities build() {
            return new Facilities(byType);
        }
    }
}
