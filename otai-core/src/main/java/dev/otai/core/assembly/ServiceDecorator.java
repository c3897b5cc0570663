package dev.otai.core.assembly;

/**
 * Wraps service instances before they are injected into pipes, for example to record and deduplicate the
 * writes of every ticket system. Offered to the engine as a facility; the undecorated instance is still the
 * one closed at shutdown and listed by {@code Assembly.services()}.
 */
@FunctionalInterface
public interface ServiceDecorator {

    /** The instance pipes get for service {@code serviceId}; {@code service} itself when there is nothing to add. */
    Object decorate(String serviceId, Object service);
}
