package dev.otai.ml.hf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a model repo's files once into the cache ({@code cacheDir/owner/name/revision/}) and reuses them:
 * {@code config.json}, {@code tokenizer.json}, then {@code onnx/model.onnx}, or {@code model.onnx} when the repo
 * has no {@code onnx/} folder. Each file is written to a temporary name and moved into place, and a marker file
 * records a complete download, so an interrupted download is retried rather than used.
 */
final class HubDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(HubDownloader.class);
    static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*(/[A-Za-z0-9][\\w.-]*)?");
    static final String COMPLETE = ".otai-complete";

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;

    HubDownloader(HttpClient http) {
        this.http = http;
    }

    /** The cached model directory of {@code repo}, downloading it first when it is not complete. */
    Path fetch(String repo, HubSettings hub) throws IOException, InterruptedException {
        Path dir = hub.cacheDir().resolve(repo).resolve(hub.revision());
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

    /** Downloads one file; returns false on 404 when the file is optional. */
    private boolean download(String repo, String file, Path dir, HubSettings hub, boolean required)
            throws IOException, InterruptedException {
        URI uri = URI.create(hub.endpoint() + "/" + repo + "/resolve/" + hub.revision() + "/" + file);
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        int status = get(uri, hub, partial);
        if (status == 200) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
        Files.deleteIfExists(partial);
        if (status == 404 && !required) {
            return false;
        }
        throw new IOException(failure(repo, file, uri, status, hub.token() != null));
    }

    /**
     * GETs {@code uri} into {@code partial}, following up to five redirects itself: the hub redirects large files
     * to a CDN with a signed URL, and the token must go only to the hub's own host, never to the CDN.
     */
    private int get(URI uri, HubSettings hub, Path partial) throws IOException, InterruptedException {
        String hubHost = URI.create(hub.endpoint()).getHost();
        URI next = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next).timeout(hub.timeout()).GET();
            if (hub.token() != null && hubHost != null && hubHost.equalsIgnoreCase(next.getHost())) {
                request.header("Authorization", "Bearer " + hub.token());
            }
            HttpResponse<Path> response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(partial));
            int status = response.statusCode();
            var location = response.headers().firstValue("Location");
            if (status < 300 || status >= 400 || status == 304 || location.isEmpty()) {
                return status;
            }
            next = next.resolve(location.get());
        }
        throw new IOException("downloading " + uri + " failed: more than " + MAX_REDIRECTS + " redirects");
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
}
