package dev.otai.api;

import java.util.List;
import java.util.Map;

record SimplePipeType(String name, String description, List<ParamSpec> params, Map<String, Class<?>> injects,
                      boolean acceptsExtraParams, boolean isTrigger, PipeFactory factory) implements PipeType {

    @Override
    public Pipe create(PipeSetup setup) throws Exception {
        return factory.create(setup);
    }
}
