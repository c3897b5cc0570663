package dev.otai.core.assembly;

import dev.otai.api.ParamSpec;
import dev.otai.core.config.Location;

/**
 * One compiled param of a node.
 *
 * @param spec the declared spec; for an extra param, an {@code any} spec of its name
 * @param path the YAML path, for errors raised when it renders
 */
record ParamPlan(ParamSpec spec, ParamValue value, String path, Location location) {

    String name() {
        return spec.name();
    }

    ParamPlan withValue(ParamValue newValue) {
        return new ParamPlan(spec, newValue, path, location);
    }
}
