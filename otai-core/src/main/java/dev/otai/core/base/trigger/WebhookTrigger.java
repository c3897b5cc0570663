package dev.otai.core.base.trigger;

import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Trigger;
import dev.otai.core.orchestration.EventTrigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fires on {@code POST /hooks/{id}}. With a {@code secret}, a request must prove it knows it: Zammad's
 * {@code X-Hub-Signature: sha1=HMAC-SHA1(body)}, Zendesk's {@code X-Zendesk-Webhook-Signature}
 * (HMAC-SHA256 of timestamp + body, base64), {@code Authorization: Bearer <secret>}, Basic auth with the secret
 * as password (what OTOBO/Znuny requesters send), or {@code X-Otai-Token: <secret>}. Repeated deliveries
 * (same {@code X-Zammad-Delivery}) are acknowledged once.
 */
public final class WebhookTrigger implements Trigger, EventTrigger {

    private static final int REMEMBERED_DELIVERIES = 1000;

    public static final PipeType TYPE = PipeType.trigger("WebhookTrigger",
            "Fires on POST /hooks/{id} of the engine's HTTP server; checks an optional shared secret.",
            List.of(ParamSpec.string("secret").secretValue()
                            .describedAs("shared secret: HMAC signature (Zammad, Zendesk), bearer token, basic-auth password or X-Otai-Token"),
                    ParamSpec.bool("fire_at_start").defaultsTo(false).describedAs("also fire once when the orchestrator starts")),
            setup -> new WebhookTrigger(setup.facility(InstantSource.class)));

    private final InstantSource clock;
    private final Map<String, Boolean> deliveries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_DELIVERIES;
        }
    });
    private volatile boolean received;

    WebhookTrigger(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Firing firing(Params params) {
        return new OnEvent(params.bool("fire_at_start"));
    }

    @Override
    public Verdict accept(Request request, Params params) {
        Optional<String> secret = params.optionalString("secret").filter(s -> !s.isEmpty());
        if (secret.isPresent() && !authorised(request, secret.get())) {
            return new Rejected(401, "missing or wrong signature or token");
        }
        Optional<Map<String, Object>> event = WebhookEvents.parse(request, clock.instant());
        if (event.isEmpty()) {
            return new Rejected(400, "body is not JSON");
        }
        String delivery = request.header("x-zammad-delivery");
        boolean duplicate = delivery != null && deliveries.put(delivery, Boolean.TRUE) != null;
        received = true;
        return new Accepted(event.get(), duplicate);
    }

    static boolean authorised(Request request, String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        String hub = request.header("x-hub-signature");
        if (hub != null && hub.startsWith("sha1=")) {
            return same(hub.substring(5), HexFormat.of().formatHex(hmac("HmacSHA1", key, request.body())));
        }
        String zendesk = request.header("x-zendesk-webhook-signature");
        String timestamp = request.header("x-zendesk-webhook-signature-timestamp");
        if (zendesk != null && timestamp != null) {
            byte[] signed = concat(timestamp.getBytes(StandardCharsets.UTF_8), request.body());
            return same(zendesk, Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, signed)));
        }
        String authorization = request.header("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return same(authorization.substring(7).strip(), secret);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            return same(decoded.substring(decoded.indexOf(':') + 1), secret);
        }
        String token = request.header("x-otai-token");
        return token != null && same(token, secret);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** As a plain gate: succeeds once per accepted request since it was last asked. */
    @Override
    public PipeResult execute(PipeContext context, Params params) {
        if (received) {
            received = false;
            return PipeResult.success();
        }
        return PipeResult.skipped("no webhook request since last asked");
    }
}
