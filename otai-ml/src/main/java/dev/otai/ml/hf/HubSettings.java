package dev.otai.ml.hf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where models come from and where they are kept.
 *
 * @param endpoint the hub's base URL ({@code HF_ENDPOINT}, default the public Hugging Face hub)
 * @param token    the hub token ({@code api_token}, else {@code HF_TOKEN}, else {@code HUGGING_FACE_HUB_TOKEN}); may be null
 * @param cacheDir where downloaded models are kept, one directory per repo and revision
 * @param revision the branch, tag or commit to download
 * @param timeout  the longest a single download may take
 */
record HubSettings(String endpoint, String token, Path cacheDir, String revision, Duration timeout) {

    static final String PUBLIC_HUB = "https://huggingface.co";

    /** Settings from service params (which win) and the environment. */
    static HubSettings of(String endpoint, String token, String cacheDir, String revision, Duration timeout,
                          Map<String, String> env) {
        String base = firstSet(endpoint, env.get("HF_ENDPOINT"), PUBLIC_HUB).replaceAll("/+$", "");
        String hubToken = firstSet(token, env.get("HF_TOKEN"), env.get("HUGGING_FACE_HUB_TOKEN"));
        Path cache = cacheDir != null && !cacheDir.isBlank() ? Path.of(cacheDir) : defaultCache(env);
        return new HubSettings(base, hubToken, cache, firstSet(revision, "main"), timeout);
    }

    private static Path defaultCache(Map<String, String> env) {
        String explicit = env.get("OTAI_MODEL_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "otai", "models");
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The same settings with another token (a request's {@code api_token}). */
    HubSettings withToken(String other) {
        return other == null || other.isBlank() ? this : new HubSettings(endpoint, other, cacheDir, revision, timeout);
    }

    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***") + ", cacheDir="
                + cacheDir + ", revision=" + revision + "]";
    }
}
