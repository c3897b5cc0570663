package dev.otai.core.assembly;

import dev.otai.api.ServiceType;
import dev.otai.core.config.ServiceConfig;
import java.util.List;
import java.util.Map;

/** A validated service entry, not yet created. */
record ServicePlan(ServiceConfig config, String use, ServiceType type, List<ParamPlan> params, Map<String, String> injects) {
}
