package dev.otai.console.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The console's token as the console keeps it: only its SHA-256, compared with the hash of what a person typed in
 * constant time, so neither the token nor how much of it matched can be read from memory dumps or timings.
 */
final class AccessToken {

    private final byte[] hash;

    AccessToken(String token) {
        this.hash = sha256(token);
    }

    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(hash, sha256(given.strip()));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
