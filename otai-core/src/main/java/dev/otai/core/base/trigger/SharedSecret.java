package dev.otai.core.base.trigger;

import dev.otai.core.config.Durations;
import dev.otai.api.EventTrigger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a request proves it knows a trigger's shared secret. The first credential the request
 * carries decides, in this order: Zammad's {@code X-Hub-Signature: sha1=<hex HMAC-SHA1(body)>}, Zendesk's
 * {@code X-Zendesk-Webhook-Signature} (base64 HMAC-SHA256 of timestamp + body, the timestamp no further than
 * {@code replayWindow} from now), {@code Authorization: Bearer <secret>} or {@code Basic} with the secret as
 * password, {@code X-Otai-Token: <secret>}. Anything malformed is a refusal, never an exception; comparisons
 * take constant time.
 *
 * @param secret       the shared secret; an empty one is never proved
 * @param replayWindow how far a signed timestamp may be from now, either way
 */
record SharedSecret(String secret, Duration replayWindow) {

    /** Why the request is refused, safe to show its sender; empty when it proves the secret. */
    Optional<String> refusal(EventTrigger.Request request, Instant now) {
        if (secret.isEmpty()) {
            return Optional.of("credentials cannot be checked: the trigger's secret is empty");
        }
        String hub = request.header("x-hub-signature");
        if (hub != null) {
            return hub.startsWith("sha1=") ? unless(same(hub.substring(5), hex("HmacSHA1", request.body())), "wrong X-Hub-Signature")
                    : Optional.of("malformed X-Hub-Signature; expected sha1=<hex digest>");
        }
        String zendesk = request.header("x-zendesk-webhook-signature");
        if (zendesk != null) {
            return zendesk(zendesk, request, now);
        }
        String authorization = request.header("authorization");
        if (authorization != null) {
            return authorization(authorization.strip());
        }
        String token = request.header("x-otai-token");
        if (token != null) {
            return unless(same(token.strip(), secret), "wrong X-Otai-Token");
        }
        return Optional.of("missing credentials; expected a signature header, Authorization (Bearer or Basic) or X-Otai-Token");
    }

    private Optional<String> zendesk(String signature, EventTrigger.Request request, Instant now) {
        String timestamp = request.header("x-zendesk-webhook-signature-timestamp");
        if (timestamp == null) {
            return Optional.of("X-Zendesk-Webhook-Signature without X-Zendesk-Webhook-Signature-Timestamp");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(timestamp.strip());
        } catch (DateTimeParseException e) {
            return Optional.of("malformed X-Zendesk-Webhook-Signature-Timestamp; expected an ISO-8601 instant such as 2026-01-05T09:00:00Z");
        }
        if (Duration.between(signedAt, now).abs().compareTo(replayWindow) > 0) {
            return Optional.of("X-Zendesk-Webhook-Signature-Timestamp " + signedAt + " is more than "
                    + Durations.format(replayWindow) + " away from the engine's time; refused as a possible replay");
        }
        byte[] signed = concat(timestamp.getBytes(StandardCharsets.UTF_8), request.body());
        String expected = Base64.getEncoder().encodeToString(hmac("HmacSHA256", signed));
        return unless(same(signature.strip(), expected), "wrong X-Zendesk-Webhook-Signature");
    }

    private Optional<String> authorization(String value) {
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credentials = space < 0 ? "" : value.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return unless(!credentials.isEmpty() && same(credentials, secret), "wrong bearer token");
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Optional.of("unsupported Authorization scheme; expected Bearer or Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed Basic credentials; expected base64 of user:password");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.of("malformed Basic credentials; expected base64 of user:password");
        }
        return unless(same(decoded.substring(colon + 1), secret), "wrong Basic password");
    }

    private static Optional<String> unless(boolean proved, String reason) {
        return proved ? Optional.empty() : Optional.of(reason);
    }

    private String hex(String algorithm, byte[] body) {
        return HexFormat.of().formatHex(hmac(algorithm, body));
    }

    private byte[] hmac(String algorithm, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "SharedSecret[secret=<redacted>, replayWindow=" + replayWindow + "]";
    }
}
