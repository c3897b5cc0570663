package dev.otai.core.config;

import dev.otai.core.template.TemplateLimits;
import java.util.List;
import java.util.Map;

/**
 * A whole config as records, before any pipe exists.
 *
 * @param source        the config file
 * @param apiVersion    the version specifier, checked against {@link VersionSpec#CONFIG_API_VERSION}
 * @param plugins       plugins the config requires, checked against those installed
 * @param services      by id, in config order
 * @param orchestrator  the root pipe; both orchestrator shapes arrive here as the same kind of node
 * @param templates     {@code infrastructure.templates}: what one template render may cost
 * @param storage       {@code infrastructure.storage}: the embedded store's folder, retention and ledger caps
 * @param environment   what {@code get_env} reads: the process environment over the {@code .env} values
 * @param console       {@code infrastructure.console}: the web console, off unless configured
 */
public record EngineConfig(String source, String apiVersion, List<PluginRequirement> plugins, LoggingSettings logging,
                           HttpSettings http, Map<String, ServiceConfig> services,
                           PipeConfig orchestrator, Map<String, String> environment, TemplateLimits templates,
                           StorageSettings storage, ConsoleSettings console) {

    /** An entry of {@code plugins:}: a name and a version specifier. */
    public record PluginRequirement(String name, String version, Location location, String path) {
    }
}
