package dev.otai.core.config;

/**
 * {@code infrastructure.http}: the engine's HTTP server (webhooks, health, metrics).
 *
 * @param host the bind address; loopback by default
 * @param port the port, or null when not set (the server then starts only if a webhook trigger needs it, on 8080)
 * @param maxBodyBytes the largest webhook body accepted
 */
public record HttpSettings(String host, Integer port, int maxBodyBytes) {

    public static final int DEFAULT_PORT = 8080;

    public static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", null, 1024 * 1024);
    }
}
