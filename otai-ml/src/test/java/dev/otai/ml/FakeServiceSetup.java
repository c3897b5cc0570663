package dev.otai.ml;

import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service setup for unit tests: the given params over the type's declared defaults, no injects. */
public record FakeServiceSetup(String id, Params params) implements ServiceSetup {

    public static FakeServiceSetup of(ServiceType type, String id, Map<String, Object> given) {
        var values = new LinkedHashMap<String, Object>();
        for (ParamSpec spec : type.params()) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        values.putAll(given);
        return new FakeServiceSetup(id, new MapParams(Map.copyOf(values)));
    }

    @Override
    public <T> T service(String slot, Class<T> type) {
        throw new IllegalStateException("no inject '" + slot + "' in a unit test");
    }

    @Override
    public boolean hasService(String slot) {
        return false;
    }

    @Override
    public <T> T facility(Class<T> type) {
        throw new IllegalStateException("no facility " + type.getName() + " in a unit test");
    }

    record MapParams(Map<String, Object> values) implements Params {
        @Override
        public boolean has(String name) {
            return values.containsKey(name);
        }

        @Override
        public Object value(String name) {
            return values.get(name);
        }

        @Override
        public Map<String, Object> asMap() {
            return values;
        }
    }
}
