package dev.otai.api;

import java.util.List;

/**
 * A set of pipe and service types, discovered with {@link java.util.ServiceLoader}: a plugin jar lists its
 * implementation in {@code META-INF/services/dev.otai.api.Plugin}. The built-in {@code base} plugin is found
 * the same way.
 */
public interface Plugin {

    /** The prefix in {@code use: name:Type}, lower case with hyphens, for example {@code otobo-znuny}. */
    String name();

    default List<PipeType> pipes() {
        return List.of();
    }

    default List<ServiceType> services() {
        return List.of();
    }
}
