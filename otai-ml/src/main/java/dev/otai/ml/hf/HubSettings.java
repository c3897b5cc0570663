package dev.otai.ml.hf;

import dev.otai.support.endpoint.EndpointUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where models come from and where they are kept.
 *
 * @param endpoint    the hub's base URL ({@code hub_url}, else {@code HF_ENDPOINT}, else the public hub), without
 *                    credentials and trailing slash
 * @param token       the hub token ({@code api_token}, else {@code HF_TOKEN}, else {@code HUGGING_FACE_HUB_TOKEN});
 *                    may be null. Sent only to the endpoint's own origin.
 * @param cacheDir    where downloaded models are kept, one directory per repo and revision
 * @param revision    the branch, tag or commit to download (see {@link HubRevision})
 * @param timeout     the longest a single download may take
 * @param maxFileSize the most bytes one downloaded file may have
 */
record HubSettings(URI endpoint, String token, Path cacheDir, String revision, Duration timeout, long maxFileSize) {

    static final String PUBLIC_HUB = "https://huggingface.co";
    static final String ENDPOINT_EXPECTED = EndpointUrl.expected(PUBLIC_HUB, "api_token");

    HubSettings {
        if (!HubRevision.valid(revision)) {
            throw new IllegalArgumentException("revision was \"" + revision + "\"; expected " + HubRevision.EXPECTED);
        }
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("max_download_mb gave " + maxFileSize + " bytes; expected at least 1 MiB");
        }
    }

    /** Settings from service params (which win) and the environment. */
    static HubSettings of(String endpoint, String token, String cacheDir, String revision, Duration timeout,
                          long maxFileSize, Map<String, String> env) {
        String source = isSet(endpoint) ? "hub_url" : isSet(env.get("HF_ENDPOINT")) ? "HF_ENDPOINT" : "the default hub";
        URI base = EndpointUrl.parse(source, firstSet(endpoint, env.get("HF_ENDPOINT"), PUBLIC_HUB), ENDPOINT_EXPECTED);
        String hubToken = firstSet(token, env.get("HF_TOKEN"), env.get("HUGGING_FACE_HUB_TOKEN"));
        Path cache = isSet(cacheDir) ? Path.of(cacheDir) : defaultCache(env);
        return new HubSettings(base, hubToken, cache, firstSet(revision, "main"), timeout, maxFileSize);
    }

    private static Path defaultCache(Map<String, String> env) {
        String explicit = env.get("OTAI_MODEL_CACHE");
        if (isSet(explicit)) {
            return Path.of(explicit);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "otai", "models");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (isSet(v)) {
                return v;
            }
        }
        return null;
    }

    /** {@code <endpoint>/<repo>/resolve/<revision>/<file>}, the revision as one encoded segment. */
    URI fileUri(String repo, String file) {
        return URI.create(endpoint + "/" + repo + "/resolve/" + HubRevision.urlSegment(revision) + "/" + file);
    }

    /** The cache directory of {@code repo} at this revision; refuses any path that would leave the cache. */
    Path modelDir(String repo) {
        Path root = cacheDir.toAbsolutePath().normalize();
        Path dir = root.resolve(repo).resolve(revision).normalize();
        if (!dir.startsWith(root) || dir.equals(root)) {
            throw new IllegalArgumentException("model '" + repo + "' at revision '" + revision
                    + "' would be cached outside " + root);
        }
        return dir;
    }

    /** The same settings with another token (a request's {@code api_token}). */
    HubSettings withToken(String other) {
        return isSet(other) ? new HubSettings(endpoint, other, cacheDir, revision, timeout, maxFileSize) : this;
    }

    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***") + ", cacheDir="
                + cacheDir + ", revision=" + revision + ", maxFileSize=" + maxFileSize + "]";
    }
}
