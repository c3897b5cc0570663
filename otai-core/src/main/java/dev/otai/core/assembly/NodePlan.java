package dev.otai.core.assembly;

import dev.otai.api.PipeType;
import dev.otai.core.config.PipeConfig;
import java.util.List;
import java.util.Map;

/**
 * A validated pipe node, not yet instantiated.
 *
 * @param use     the canonical {@code plugin:Name}
 * @param params  declared params present or defaulted, then extras, in config order
 * @param injects slot to service id
 */
record NodePlan(PipeConfig config, String use, PipeType type, List<ParamPlan> params, Map<String, String> injects) {
}
