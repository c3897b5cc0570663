package dev.otai.testkit;

import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service setup outside an engine, for unit tests and benchmarks: the given params over the declared
 * defaults, as the engine would hand them over, and no injects or facilities.
 */
public record StandaloneSetup(String id, Params params) implements ServiceSetup {

    /** {@code given} over the defaults of {@code specs}. */
    public static Params params(List<ParamSpec> specs, Map<String, ?> given) {
        var values = new LinkedHashMap<String, Object>();
        for (ParamSpec spec : specs) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        values.putAll(given);
        return Params.of(values);
    }

    public static StandaloneSetup of(ServiceType type, String id, Map<String, ?> given) {
        return new StandaloneSetup(id, params(type.params(), given));
    }

    /** Creates the service of {@code type} with {@code given} params. */
    public static Object create(ServiceType type, String id, Map<String, ?> given) throws Exception {
        return type.create(of(type, id, given));
    }

    @Override
    public <T> T service(String slot, Class<T> type) {
        throw new IllegalStateException("service '" + id + "' asked for inject '" + slot + "'; a standalone setup has none");
    }

    @Override
    public boolean hasService(String slot) {
        return false;
    }

    @Override
    public <T> T facility(Class<T> type) {
        throw new IllegalStateException("service '" + id + "' asked for facility " + type.getName()
                + "; a standalone setup has none");
    }
}
