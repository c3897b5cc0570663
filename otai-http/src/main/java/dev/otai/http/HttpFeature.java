package dev.otai.http;

import io.javalin.config.RoutesConfig;

/**
 * Something more the engine's HTTP server serves, such as the web console: it adds its routes when the server is
 * built. Its requests pass the same {@code Host} check as every other route first.
 */
@FunctionalInterface
public interface HttpFeature {

    void register(RoutesConfig routes);
}
