package dev.otai.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code {id, use, params, injects}} node of the config.
 *
 * @param id       the pipe id; when the config gives none, the type name, and {@code idGiven} is false
 * @param use      the type reference as written
 * @param params   params by name, from {@code params:} and from keys written directly on the pipe
 * @param injects  service slots to service ids
 * @param reference true when the node only names the id of a pipe defined elsewhere (shared triggers)
 * @param idLocation where the id's value is written; the pipe's location when it has none
 */
public record PipeConfig(String id, boolean idGiven, String use, Location location, Location useLocation, String path,
                         Map<String, ConfigParam> params, Map<String, Inject> injects, boolean reference,
                         Location idLocation) {

    public PipeConfig {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        injects = Collections.unmodifiableMap(new LinkedHashMap<>(injects));
    }

    /** A pipe whose id, if any, is written where the pipe starts. */
    public PipeConfig(String id, boolean idGiven, String use, Location location, Location useLocation, String path,
                      Map<String, ConfigParam> params, Map<String, Inject> injects, boolean reference) {
        this(id, idGiven, use, location, useLocation, path, params, injects, reference, location);
    }

    /** A param value with the location of its key and its YAML path. */
    public record ConfigParam(String name, ConfigNode value, Location keyLocation, String path) {
    }

    /** An {@code injects} entry. */
    public record Inject(String slot, String serviceId, Location location, String path) {
    }
}
