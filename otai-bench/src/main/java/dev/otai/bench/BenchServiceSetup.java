package dev.otai.bench;

import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service setup outside an engine: the given params over the type's declared defaults, no injects. */
record BenchServiceSetup(String id, Params params) implements ServiceSetup {

    static Object create(ServiceType type, String id, Map<String, Object> given) throws Exception {
        var values = new LinkedHashMap<String, Object>();
        for (ParamSpec spec : type.params()) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        values.putAll(given);
        return type.create(new BenchServiceSetup(id, new MapParams(Map.copyOf(values))));
    }

    @Override
    public <T> T service(String slot, Class<T> type) {
        throw new IllegalStateException("service '" + id + "' asked for inject '" + slot + "'; the bench gives none");
    }

    @Override
    public boolean hasService(String slot) {
        return false;
    }

    @Override
    public <T> T facility(Class<T> type) {
        throw new IllegalStateException("service '" + id + "' asked for facility " + type.getName() + "; the bench gives none");
    }

    private record MapParams(Map<String, Object> values) implements Params {
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
