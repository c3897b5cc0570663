package dev.otai.zammad;

import dev.otai.api.Params;
import dev.otai.support.endpoint.EndpointUrl;
import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.RetryTiming;
import java.net.URI;
import java.time.Duration;

/**
 * The service's params, checked.
 *
 * @param verify {@code true} (system trust store), {@code false} (no TLS verification) or the path of a PEM CA
 *               bundle, as OTAI's {@code verify}
 */
record ZammadSettings(URI baseUrl, String token, String scheme, Object verify, Duration connectTimeout,
                      Duration requestTimeout, RetryPolicy retry, boolean readArticles) {

    @Override
    public String toString() {
        return "ZammadSettings[" + baseUrl + "]"; // no token
    }

    static ZammadSettings from(Params params, RetryTiming timing) {
        URI uri = EndpointUrl.parse("base_url", params.string("base_url"), ZammadPlugin.BASE_URL_EXPECTED);
        String scheme = params.string("auth_scheme");
        if (!scheme.equals("token") && !scheme.equals("bearer")) {
            throw new IllegalArgumentException("auth_scheme was \"" + scheme + "\"; expected token or bearer");
        }
        var policy = new RetryPolicy((int) params.integer("max_attempts"), params.duration("initial_backoff"),
                params.duration("max_backoff"), timing);
        return new ZammadSettings(uri, params.string("access_token"), scheme, params.value("verify"),
                params.duration("connect_timeout"), params.duration("timeout"), policy, params.bool("read_articles"));
    }

    /** False when {@code verify: false} turned certificate checks off. */
    boolean checksCertificates() {
        return !Tls.trustsEveryCertificate(verify);
    }

    String authorization() {
        return scheme.equals("bearer") ? "Bearer " + token : "Token token=" + token;
    }
}
