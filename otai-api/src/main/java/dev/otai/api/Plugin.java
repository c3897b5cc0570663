package dev.otai.api;

import dev.otai.api.ticket.WebhookReader;
import java.util.List;

/**
 * A set of pipe and service types, and readers of a helpdesk's webhooks, discovered with
 * {@link java.util.ServiceLoader}: a plugin jar lists its implementation in
 * {@code META-INF/services/dev.otai.api.Plugin}. The built-in {@code base} plugin is found
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

    /** How this plugin's helpdesk webhooks are read by the engine's webhook and manual triggers. */
    default List<WebhookReader> webhookReaders() {
        return List.of();
    }
}
