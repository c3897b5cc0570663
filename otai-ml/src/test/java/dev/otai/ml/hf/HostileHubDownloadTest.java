package dev.otai.ml.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ParamSpec;
import dev.otai.testkit.StandaloneSetup;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hub downloads against hostile or misconfigured hubs: the token stays with its origin, sizes and paths are bounded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileHubDownloadTest {

    private static final String TOKEN = "hf_token_for_the_hub_only";
    private static final String REPO = "acme/tiny";
    private static final String PREFIX = "/acme/tiny/resolve/main/";

    @TempDir
    Path tmp;

    private HubSettings hub(String url, String revision, long maxFileSize) {
        return HubSettings.of(url, TOKEN, tmp.resolve("cache").toString(), revision, Duration.ofSeconds(20), maxFileSize,
                Map.of());
    }

    private static HubDownloader downloader() {
        return new HubDownloader(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private List<Path> cachedFiles() throws IOException {
        Path cache = tmp.resolve("cache");
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void token_is_not_sent_to_a_redirect_on_another_port_of_the_same_host() throws Exception {
        try (var hub = LoopbackHub.http(); var other = LoopbackHub.http()) {
            hub.redirect(PREFIX + "config.json", other.url() + "/cdn/config.json");
            other.serve("/cdn/config.json", "{}");

            assertThatThrownBy(() -> downloader().fetch(REPO, hub(hub.url(), "main", 1 << 20)))
                    .hasMessageContaining("tokenizer.json").hasMessageNotContaining(TOKEN);

            assertThat(hub.seen()).first().isEqualTo(new LoopbackHub.Seen(PREFIX + "config.json", "Bearer " + TOKEN));
            assertThat(other.seen()).containsExactly(new LoopbackHub.Seen("/cdn/config.json", null));
        }
    }

    @Test
    void token_is_not_sent_to_a_redirect_on_another_host_name_of_the_same_port() throws Exception {
        try (var hub = LoopbackHub.http()) {
            hub.redirect(PREFIX + "config.json", "http://localhost:" + hub.port() + "/cdn/config.json");

            assertThatThrownBy(() -> downloader().fetch(REPO, hub(hub.url(), "main", 1 << 20)));

            assertThat(hub.seen()).containsExactly(new LoopbackHub.Seen(PREFIX + "config.json", "Bearer " + TOKEN),
                    new LoopbackHub.Seen("/cdn/config.json", null));
        }
    }

    @Test
    void token_follows_a_redirect_within_the_hubs_own_origin() throws Exception {
        try (var hub = LoopbackHub.https()) {
            hub.redirect(PREFIX + "config.json", "/api/resolved/config.json");
            var downloader = new HubDownloader(LoopbackHub.trustingClient());

            assertThatThrownBy(() -> downloader.fetch(REPO, hub(hub.url(), "main", 1 << 20)));

            assertThat(hub.seen()).containsExactly(new LoopbackHub.Seen(PREFIX + "config.json", "Bearer " + TOKEN),
                    new LoopbackHub.Seen("/api/resolved/config.json", "Bearer " + TOKEN));
        }
    }

    @Test
    void redirect_from_https_to_http_is_refused_and_nothing_is_sent_there() throws Exception {
        try (var hub = LoopbackHub.https(); var plain = LoopbackHub.http()) {
            hub.redirect(PREFIX + "config.json", plain.url() + "/cdn/config.json");
            var downloader = new HubDownloader(LoopbackHub.trustingClient());

            assertThatThrownBy(() -> downloader.fetch(REPO, hub(hub.url(), "main", 1 << 20)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("downloading config.json of model 'acme/tiny'")
                    .hasMessageContaining("redirected from https to http://127.0.0.1")
                    .hasMessageContaining("refusing to continue without TLS");

            assertThat(plain.seen()).isEmpty();
        }
    }

    @Test
    void revision_that_climbs_out_of_the_cache_is_refused_naming_the_value_and_the_shape() {
        for (String hostile : List.of("../../../etc", "main/../../x", "..", "/abs", "a//b", "main\n", "v1?x=1", "a#b")) {
            assertThatThrownBy(() -> hub("https://huggingface.co", hostile, 1 << 20))
                    .as(hostile).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("revision was \"" + hostile + "\"; expected a branch, tag or commit name");
        }
        ParamSpec revision = HfLocalPlugin.TYPE.params().stream().filter(p -> p.name().equals("revision")).findFirst()
                .orElseThrow();
        assertThat(revision.constraint().test("../../..")).isFalse();
        assertThat(revision.constraint().test("refs/pr/3")).isTrue();
        assertThatThrownBy(() -> HfLocalPlugin.create(StandaloneSetup.of(HfLocalPlugin.TYPE, "hf", Map.of(
                "revision", "../../x")), Map.of())).hasMessageContaining("revision was \"../../x\"");
    }

    @Test
    void revision_with_slashes_is_one_encoded_url_segment_and_stays_inside_the_cache() throws Exception {
        try (var hub = LoopbackHub.http()) {
            assertThatThrownBy(() -> downloader().fetch(REPO, hub(hub.url(), "refs/pr/3", 1 << 20)))
                    .hasMessageContaining("HTTP 404");

            assertThat(hub.seen()).extracting(LoopbackHub.Seen::path)
                    .containsExactly("/acme/tiny/resolve/refs%2Fpr%2F3/config.json");
            assertThat(hub(hub.url(), "refs/pr/3", 1 << 20).modelDir(REPO))
                    .isEqualTo(tmp.resolve("cache/acme/tiny/refs/pr/3").toAbsolutePath());
        }
    }

    @Test
    void oversized_model_file_is_refused_with_the_limit_and_leaves_no_file_in_the_cache() throws Exception {
        byte[] big = new byte[(1 << 20) + 4096];
        Arrays.fill(big, (byte) 7);
        try (var hub = LoopbackHub.http()) {
            hub.serve(PREFIX + "config.json", "{}").serve(PREFIX + "tokenizer.json", "{}")
                    .serve(PREFIX + "onnx/model.onnx", big);

            assertThatThrownBy(() -> downloader().fetch(REPO, hub(hub.url(), "main", 1 << 20)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("downloading onnx/model.onnx of model 'acme/tiny'")
                    .hasMessageContaining("stopped at " + big.length + " bytes")
                    .hasMessageContaining("larger than its limit of 1048576 bytes (max_download_mb)");

            assertThat(cachedFiles()).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("config.json", "tokenizer.json");
        }
    }

    @Test
    void oversized_answer_without_content_length_is_cut_off_while_it_streams() throws Exception {
        byte[] big = new byte[3 << 20];
        try (var hub = LoopbackHub.http()) {
            hub.serveChunked(PREFIX + "config.json", big);

            assertThatThrownBy(() -> downloader().fetch(REPO, hub(hub.url(), "main", 1 << 20)))
                    .hasMessageContaining("downloading config.json of model 'acme/tiny'")
                    .hasMessageContaining("larger than its limit of 1048576 bytes (max_download_mb, and at most 64 MiB "
                            + "for JSON files)");

            assertThat(cachedFiles()).isEmpty();
        }
    }

    @Test
    void hub_url_or_HF_ENDPOINT_with_credentials_is_refused_without_showing_the_password() {
        assertThatThrownBy(() -> HubSettings.of("https://me:hunter2pw@hub.example.com", null, null, "main",
                Duration.ofSeconds(1), 1, Map.of()))
                .hasMessageStartingWith("hub_url was \"https://***@hub.example.com\"; expected an http(s) URL")
                .hasMessageContaining("api_token").hasMessageNotContaining("hunter2pw");
        assertThatThrownBy(() -> HubSettings.of(null, null, null, "main", Duration.ofSeconds(1), 1,
                Map.of("HF_ENDPOINT", "http://me:hunter2pw@127.0.0.1:9")))
                .hasMessageStartingWith("HF_ENDPOINT was \"http://***@127.0.0.1:9\"").hasMessageNotContaining("hunter2pw");
    }
}
