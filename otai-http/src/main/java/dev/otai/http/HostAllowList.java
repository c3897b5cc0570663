package dev.otai.http;

import dev.otai.core.config.HttpSettings;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} headers the server answers, against DNS rebinding (a web page whose name an attacker
 * points at this machine): loopback names always; the configured {@code allowed_hosts} besides; with none
 * configured, any name when the server is bound to a non-loopback address and none other than loopback names
 * when it is bound to loopback. {@code *} accepts any.
 */
record HostAllowList(boolean any, Set<String> names) {

    static HostAllowList of(HttpSettings settings) {
        boolean any = settings.allowedHosts().contains("*") || settings.allowedHosts().isEmpty() && !settings.loopbackOnly();
        return new HostAllowList(any, Set.copyOf(settings.allowedHosts()));
    }

    /** Whether a request with this {@code Host} header (name, optional port; null when absent) is answered. */
    boolean allows(String hostHeader) {
        if (any) {
            return true;
        }
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String name = name(hostHeader.strip().toLowerCase(Locale.ROOT));
        return HttpSettings.loopback(name) || names.contains(name) || names.contains("[" + name + "]");
    }

    /** The name without port: {@code [::1]:8080} is {@code ::1}, {@code otai.example.com:80} is {@code otai.example.com}. */
    private static String name(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }
}
