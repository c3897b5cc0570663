package dev.otai.api;

import java.util.List;
import java.util.Map;

/**
 * A registered kind of service (ticket system, classifier…): what a {@code services:} entry's {@code use} names.
 * One instance is created per service id and shared by every pipe that injects it; instances that are
 * {@link AutoCloseable} are closed when the engine stops.
 */
public interface ServiceType {

    String name();

    String description();

    /** The interface instances provide; {@code injects} slots are checked against it at load time. */
    Class<?> provides();

    List<ParamSpec> params();

    /** Services this service injects, by slot. */
    default Map<String, Class<?>> injects() {
        return Map.of();
    }

    Object create(ServiceSetup setup) throws Exception;

    static ServiceType of(String name, String description, Class<?> provides, List<? extends Param<?>> params,
                          ServiceFactory factory) {
        return new SimpleServiceType(name, description, provides, PipeType.specs(params), factory);
    }

    @FunctionalInterface
    interface ServiceFactory {
        Object create(ServiceSetup setup) throws Exception;
    }
}
