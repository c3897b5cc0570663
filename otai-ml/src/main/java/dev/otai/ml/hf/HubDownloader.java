package dev.otai.ml.hf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a model repo's files once into the cache ({@code cacheDir/owner/name/revision/}) and reuses them:
 * {@code config.json}, {@code tokenizer.json}, then {@code onnx/model.onnx}, or {@code model.onnx} when the repo
 * has no {@code onnx/} folder. Each file is written to a temporary name and moved into place, and a marker file
 * records a complete download, so an interrupted download is retried rather than used. Each file has a size
 * limit (JSON files at most {@link #MAX_JSON_SIZE}); the token goes only to the hub's own origin.
 */
final class HubDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(HubDownloader.class);
    static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*(/[A-Za-z0-9][\\w.-]*)?");
    static final String COMPLETE = ".otai-complete";
    /** The most bytes of {@code config.json} or {@code tokenizer.json} (large multilingual tokenizers are ~20 MB). */
    static final long MAX_JSON_SIZE = 64L << 20;

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;

    HubDownloader(HttpClient http) {
        this.http = http;
    }

    /** The cached model directory of {@code repo}, downloading it first when it is not complete. */
    Path fetch(String repo, HubSettings hub) throws IOException, InterruptedException {
        if (!REPO_ID.matcher(repo).matches() || repo.contains("..")) {
            throw new IllegalArgumentException("model_name '" + repo + "' is not a Hugging Face repo id like 'owner/name'");
        }
        Path dir = hub.modelDir(repo);
        if (Files.isRegularFile(dir.resolve(COMPLETE))) {
            return dir;
        }
        Files.createDirectories(dir);
        LOG.info("downloading model {} (revision {}) from {} into {}", repo, hub.revision(), hub.endpoint(), dir);
        download(repo, ModelFiles.CONFIG, dir, hub, true);
        download(repo, ModelFiles.TOKENIZER, dir, hub, true);
        boolean found = false;
        for (String candidate : ModelFiles.ONNX_CANDIDATES) {
            if (!found && download(repo, candidate, dir, hub, false)) {
                found = true;
            }
        }
        if (!found) {
            throw new IOException("model repo '" + repo + "' at " + hub.endpoint() + " has neither onnx/model.onnx nor "
                    + "model.onnx; export it to ONNX with optimum (see docs/classification.md) or give a local directory");
        }
        Files.writeString(dir.resolve(COMPLETE), "ok\n");
        return dir;
    }

    /** Downloads one file; returns false on 404 when the file is optional. Leaves no partial file behind. */
    private boolean download(String repo, String file, Path dir, HubSettings hub, boolean required)
            throws IOException, InterruptedException {
        URI uri = hub.fileUri(repo, file);
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        try {
            long limit = file.endsWith(".json") ? Math.min(MAX_JSON_SIZE, hub.maxFileSize()) : hub.maxFileSize();
            int status = get(uri, hub, new SizeLimitedFile(partial, limit), repo, file);
            if (status == 200) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            if (status == 404 && !required) {
                return false;
            }
            throw new IOException(failure(repo, file, uri, status, hub.token() != null));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * GETs {@code uri} into the body's file, following up to five redirects itself: the hub redirects large files to
     * a CDN with a signed URL. The token goes only to the hub's exact origin (scheme, host and port), and a redirect
     * from https to http is refused.
     */
    private int get(URI uri, HubSettings hub, SizeLimitedFile body, String repo, String file)
            throws IOException, InterruptedException {
        Origin hubOrigin = Origin.of(hub.endpoint());
        URI next = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next).timeout(hub.timeout()).GET();
            if (hub.token() != null && hubOrigin.equals(Origin.of(next))) {
                request.header("Authorization", "Bearer " + hub.token());
            }
            HttpResponse<Path> response = send(request.build(), body, repo, file, uri);
            int status = response.statusCode();
            var location = response.headers().firstValue("Location");
            if (status < 300 || status >= 400 || status == 304 || location.isEmpty()) {
                return status;
            }
            URI target = next.resolve(location.get().strip());
            if ("https".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
                throw new IOException("downloading " + file + " of model '" + repo + "' from " + uri
                        + " failed: the hub redirected from https to " + target.getScheme() + "://" + target.getHost()
                        + "; refusing to continue without TLS");
            }
            next = target;
        }
        throw new IOException("downloading " + uri + " failed: more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<Path> send(HttpRequest request, SizeLimitedFile body, String repo, String file, URI uri)
            throws IOException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            if (body.exceeded()) {
                throw new IOException("downloading " + file + " of model '" + repo + "' from " + uri + " stopped at "
                        + body.received() + " bytes: larger than its limit of " + body.limit() + " bytes ("
                        + limitSource(file) + "); raise max_download_mb if the model really is that large", e);
            }
            throw e;
        }
    }

    private static String limitSource(String file) {
        return file.endsWith(".json") ? "max_download_mb, and at most " + (MAX_JSON_SIZE >> 20) + " MiB for JSON files"
                : "max_download_mb";
    }

    private static String failure(String repo, String file, URI uri, int status, boolean withToken) {
        String reason = switch (status) {
            case 401, 403 -> withToken ? "the token was refused" : "the repo needs a token; set HF_TOKEN or api_token";
            case 404 -> "the repo or file does not exist";
            default -> "unexpected response";
        };
        return "downloading " + file + " of model '" + repo + "' from " + uri + " failed with HTTP " + status + ": "
                + reason;
    }

    /** Scheme, host and port, with the scheme's default port filled in: what a token is bound to. */
    private record Origin(String scheme, String host, int port) {

        static Origin of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return new Origin(scheme, host, port);
        }
    }
}
