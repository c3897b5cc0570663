package dev.otai.zammad;

import static dev.otai.zammad.ZammadPlugin.ACCESS_TOKEN;
import static dev.otai.zammad.ZammadPlugin.AUTH_SCHEME;
import static dev.otai.zammad.ZammadPlugin.BASE_URL;
import static dev.otai.zammad.ZammadPlugin.CONNECT_TIMEOUT;
import static dev.otai.zammad.ZammadPlugin.READ_ARTICLES;
import static dev.otai.zammad.ZammadPlugin.TIMEOUT;
import static dev.otai.zammad.ZammadPlugin.VERIFY;

import dev.otai.api.Params;
import dev.otai.support.endpoint.EndpointUrl;
import dev.otai.support.retry.RetryParams;
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
        URI uri = EndpointUrl.parse(BASE_URL.name(), params.get(BASE_URL), ZammadPlugin.BASE_URL_EXPECTED);
        String scheme = params.get(AUTH_SCHEME);
        if (!scheme.equals("token") && !scheme.equals("bearer")) {
            throw new IllegalArgumentException("auth_scheme was \"" + scheme + "\"; expected token or bearer");
        }
        var policy = RetryParams.policy(params, timing);
        return new ZammadSettings(uri, params.get(ACCESS_TOKEN), scheme, params.get(VERIFY),
                params.get(CONNECT_TIMEOUT), params.get(TIMEOUT), policy, params.get(READ_ARTICLES));
    }

    /** False when {@code verify: false} turned certificate checks off. */
    boolean checksCertificates() {
        return !Tls.trustsEveryCertificate(verify);
    }

    String authorization() {
        return scheme.equals("bearer") ? "Bearer " + token : "Token token=" + token;
    }
}
