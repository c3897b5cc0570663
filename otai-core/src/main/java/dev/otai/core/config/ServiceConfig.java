package dev.otai.core.config;

import java.util.Map;

/** One entry of {@code services:}; the map key is its id. */
public record ServiceConfig(String id, String use, Location location, Location useLocation, String path,
                            Map<String, PipeConfig.ConfigParam> params, Map<String, PipeConfig.Inject> injects) {
}
