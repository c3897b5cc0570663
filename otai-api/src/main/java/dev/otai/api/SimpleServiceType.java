package dev.otai.api;

import java.util.List;

record SimpleServiceType(String name, String description, Class<?> provides, List<ParamSpec> params,
                         ServiceFactory factory) implements ServiceType {

    @Override
    public Object create(ServiceSetup setup) throws Exception {
        return factory.create(setup);
    }
}
