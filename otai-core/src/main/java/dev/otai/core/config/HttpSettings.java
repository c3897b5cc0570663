package dev.otai.core.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code infrastructure.http}: the engine's HTTP server (webhooks, health, metrics).
 *
 * @param host the bind address; loopback by default
 * @param port the port, or null when not set (the server then starts only if a webhook trigger needs it, on 8080)
 * @param maxBodyBytes the largest webhook body accepted
 * @param allowedHosts the names a request's {@code Host} header may carry besides the loopback names, which are
 *                     always accepted; {@code *} accepts any. Empty: loopback names only when bound to loopback,
 *                     any name otherwise.
 * @param reloadToken  the token {@code POST /reload} ({@code otai trigger --reload}) must carry; null when none is set,
 *                     and then only a server bound to loopback takes reloads over HTTP
 */
public record HttpSettings(String host, Integer port, int maxBodyBytes, List<String> allowedHosts, String reloadToken) {

    public static final int DEFAULT_PORT = 8080;
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    public HttpSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }

    public HttpSettings(String host, Integer port, int maxBodyBytes, List<String> allowedHosts) {
        this(host, port, maxBodyBytes, allowedHosts, null);
    }

    public HttpSettings(String host, Integer port, int maxBodyBytes) {
        this(host, port, maxBodyBytes, List.of());
    }

    /** The same settings, with {@code token} as the reload token. */
    public HttpSettings withReloadToken(String token) {
        return new HttpSettings(host, port, maxBodyBytes, allowedHosts, token);
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", allowedHosts="
                + allowedHosts + ", reloadToken=" + (reloadToken == null ? "none" : "<redacted>") + "]";
    }

    public static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", null, 1024 * 1024);
    }

    /** Whether the server is bound to a loopback address only, so that no other host can reach it. */
    public boolean loopbackOnly() {
        return loopback(host);
    }

    /**
     * Whether {@code name} (a host name or address, without port or brackets) is a loopback name: {@code localhost},
     * an address in 127.0.0.0/8, or {@code ::1}. Decided from the text alone, without resolving names.
     */
    public static boolean loopback(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.equals("localhost") || lower.endsWith(".localhost") || IPV4_LOOPBACK.matcher(lower).matches()
                || lower.equals("::1") || lower.equals("0:0:0:0:0:0:0:1");
    }
}
