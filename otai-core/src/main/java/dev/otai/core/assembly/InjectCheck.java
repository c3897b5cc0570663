package dev.otai.core.assembly;

import dev.otai.core.config.EngineConfig;
import dev.otai.core.config.Location;
import dev.otai.core.config.PipeConfig;
import dev.otai.core.config.Problems;
import java.util.Map;

/** Checks {@code injects}: known slots, defined service ids, services that provide what each slot needs. */
final class InjectCheck {

    private final EngineConfig config;
    private final Map<String, ServicePlan> services;
    private final Problems problems;

    InjectCheck(EngineConfig config, Map<String, ServicePlan> services, Problems problems) {
        this.config = config;
        this.services = services;
        this.problems = problems;
    }

    void check(String culprit, Map<String, Class<?>> slots, Map<String, PipeConfig.Inject> given,
                              Location location, String path) {
        for (PipeConfig.Inject inject : given.values()) {
            Class<?> wanted = slots.get(inject.slot());
            if (wanted == null) {
                problems.error(inject.location(), inject.path(), culprit + ": unknown inject '" + inject.slot() + "'; "
                        + (slots.isEmpty() ? "this type takes no services" : "expected one of: " + String.join(", ", slots.keySet())));
                continue;
            }
            if (!config.services().containsKey(inject.serviceId())) {
                problems.error(inject.location(), inject.path(), culprit + ": inject '" + inject.slot() + "' names service '"
                        + inject.serviceId() + "', which is not defined; defined services: "
                        + (config.services().isEmpty() ? "(none)" : String.join(", ", config.services().keySet())));
                continue;
            }
            ServicePlan service = services.get(inject.serviceId());
            if (service != null && !wanted.isAssignableFrom(service.type().provides())) {
                problems.error(inject.location(), inject.path(), culprit + ": inject '" + inject.slot() + "' names service '"
                        + inject.serviceId() + "' (" + service.use() + "), which is a " + service.type().provides().getSimpleName()
                        + "; expected a " + wanted.getSimpleName());
            }
        }
        for (String slot : slots.keySet()) {
            if (!given.containsKey(slot)) {
                problems.error(location, path, culprit + ": missing inject '" + slot + "'; expected injects: {"
                        + slot + ": <id of a " + slots.get(slot).getSimpleName() + " service>}");
            }
        }
    }
}
