package dev.otai.console.signin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in memory: a browser holds a random id in its cookie, the console only that id's hash,
 * so a heap dump yields no usable cookie. Sessions end after their lifetime or at sign-out, and with the process.
 */
final class Sessions {

    static final int MAX_SESSIONS = 1_000;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;
    private final Duration lifetime;

    Sessions(InstantSource clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Opens a session; returns the id for the cookie. */
    String open() {
        dropExpired();
        while (byHash.size() >= MAX_SESSIONS) {
            byHash.entrySet().stream().min(Comparator.comparing(e -> e.getValue().expires()))
                    .ifPresent(oldest -> byHash.remove(oldest.getKey()));
        }
        String id = randomText();
        byHash.put(hash(id), new Session(randomText(), clock.instant().plus(lifetime)));
        return id;
    }

    Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String key = hash(id);
        Session session = byHash.get(key);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expires().isAfter(clock.instant())) {
            byHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void close(String id) {
        if (id != null && id.length() <= 100) {
            byHash.remove(hash(id));
        }
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Whether {@code given} is this session's CSRF token, compared in constant time. */
    static boolean csrfMatches(Session session, String given) {
        return given != null && MessageDigest.isEqual(AccessToken.sha256(session.csrf()), AccessToken.sha256(given));
    }

    private void dropExpired() {
        var now = clock.instant();
        byHash.values().removeIf(session -> !session.expires().isAfter(now));
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    private static String hash(String id) {
        return HexFormat.of().formatHex(AccessToken.sha256(id));
    }
}
