package dev.otai.llm;

import dev.otai.support.endpoint.EndpointUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the chat-completions URL from {@code base_url} and, for Azure's dated API, {@code api_version}. */
final class Endpoints {

    static final String EXPECTED = EndpointUrl.expected("https://api.openai.com/v1", "api_key and auth_header");
    private static final String PATH = "/chat/completions";

    private Endpoints() {
    }

    static URI chatCompletions(String baseUrl, String apiVersion) {
        String base = baseUrl.strip();
        int q = base.indexOf('?');
        String query = q < 0 ? "" : base.substring(q);
        base = q < 0 ? base : base.substring(0, q);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String url = (base.endsWith(PATH) ? base : base + PATH) + query;
        if (!apiVersion.isBlank()) {
            url += (url.contains("?") ? "&" : "?") + "api-version="
                    + URLEncoder.encode(apiVersion.strip(), StandardCharsets.UTF_8);
        }
        return URI.create(url);
    }
}
