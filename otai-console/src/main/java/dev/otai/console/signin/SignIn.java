package dev.otai.console.signin;

import dev.otai.core.config.ConsoleSettings;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may use the console: a browser signs in with the configured token and gets a session cookie (HttpOnly,
 * SameSite=Strict, Secure over HTTPS or when configured, scoped to {@code /console}); every action must also carry
 * the session's CSRF token. The token itself is kept only as a hash.
 */
public final class SignIn {

    public static final String COOKIE = "otai_console";
    public static final String CSRF_FIELD = "csrf";

    private final AccessToken token;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final boolean secureCookie;

    public SignIn(ConsoleSettings settings, InstantSource clock) {
        this.token = new AccessToken(settings.token());
        this.sessions = new Sessions(clock, settings.sessionTimeout());
        this.throttle = new SignInThrottle(clock);
        this.secureCookie = settings.secureCookie();
    }

    /** What a sign-in attempt came to. */
    public enum Outcome { SIGNED_IN, WRONG_TOKEN, THROTTLED }

    /** Checks the typed token; on success opens a session and sets its cookie. */
    public Outcome attempt(Context ctx, String typed) {
        if (throttle.refusing()) {
            return Outcome.THROTTLED;
        }
        if (!token.matches(typed)) {
            throttle.failed();
            return Outcome.WRONG_TOKEN;
        }
        String id = sessions.open();
        ctx.header("Set-Cookie", cookie(ctx, id, sessions.lifetime().toSeconds()));
        return Outcome.SIGNED_IN;
    }

    /** The request's session, when its cookie names a live one. */
    public Optional<Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    /** Whether a POST carries the CSRF token of its session. */
    public boolean csrfMatches(Context ctx, Session session) {
        return Sessions.csrfMatches(session, ctx.formParam(CSRF_FIELD));
    }

    /** Ends the request's session and clears its cookie. */
    public void signOut(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
    }

    private String cookie(Context ctx, String value, long maxAgeSeconds) {
        boolean https = "https".equals(ctx.scheme())
                || "https".equals(Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse("").strip().toLowerCase(Locale.ROOT));
        return COOKIE + "=" + value + "; Path=/console; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secureCookie || https ? "; Secure" : "");
    }
}
