package dev.otai.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

record SimplePipeType(String name, String description, List<ParamSpec> params, Map<String, Class<?>> injects,
                      boolean acceptsExtraParams, boolean isTrigger, Function<Map<String, Object>, List<String>> checks,
                      PipeFactory factory) implements PipeType {

    @Override
    public List<String> check(Map<String, Object> givenParams) {
        return checks.apply(givenParams);
    }

    @Override
    public Pipe create(PipeSetup setup) throws Exception {
        return factory.create(setup);
    }
}
