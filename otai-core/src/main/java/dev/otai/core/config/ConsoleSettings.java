package dev.otai.core.config;

import java.time.Duration;

/**
 * {@code infrastructure.console}: the web console on the engine's HTTP server. Off unless the section is present.
 *
 * @param enabled        whether the console's pages are served
 * @param token          what a person types to sign in; read from the config or through {@code get_env}, never printed
 * @param secureCookie   whether the session cookie is marked {@code Secure} even on plain HTTP (set it behind a TLS
 *                       proxy); requests that arrive over HTTPS always get a {@code Secure} cookie
 * @param sessionTimeout how long a session lasts after sign-in
 */
public record ConsoleSettings(boolean enabled, String token, boolean secureCookie, Duration sessionTimeout) {

    /** The shortest token accepted: shorter ones can be guessed over the network. */
    public static final int MIN_TOKEN_LENGTH = 16;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(8);

    public static ConsoleSettings disabled() {
        return new ConsoleSettings(false, null, false, DEFAULT_SESSION_TIMEOUT);
    }

    /** Keeps the token out of every printed form of the settings. */
    @Override
    public String toString() {
        return "ConsoleSettings[enabled=" + enabled + ", token=***, secureCookie=" + secureCookie + ", sessionTimeout="
                + sessionTimeout + "]";
    }
}
