package dev.otai.support.endpoint;

import dev.otai.api.ParamSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The rules for a URL a service connects to ({@code base_url}, {@code hub_url}…): http or https, with a host, and
 * without credentials in it. Credentials in a URL end up in logs, errors and process listings, so they belong in
 * the service's secret params instead. Use {@link #acceptable} as a {@link ParamSpec#constrained constraint} and
 * {@link #masked} wherever a URL given by a user is printed.
 */
public final class EndpointUrl {

    /** {@code scheme://} followed by userinfo up to the last {@code @} before any whitespace. */
    private static final Pattern USERINFO = Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://)[^\\s@]*@");

    private EndpointUrl() {
    }

    /** Whether {@code value} is an http(s) URL with a host and no {@code user:password@}. */
    public static boolean acceptable(Object value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value.toString().strip());
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * What {@code ParamSpec#constrained} prints after "expected": the shape, an example and where credentials go.
     *
     * @param example         a URL that would be accepted
     * @param credentialParams the params that take the credentials instead, for example "username and password"
     */
    public static String expected(String example, String credentialParams) {
        return "an http(s) URL with a host and without user:password@ in it, such as " + example
                + " (give credentials in the " + credentialParams + " params)";
    }

    /**
     * The URL of {@code value} without trailing slashes, checked as {@link #acceptable}; otherwise an
     * {@link IllegalArgumentException} naming the param, the value (credentials masked) and {@code expected}.
     */
    public static URI parse(String param, String value, String expected) {
        String text = value == null ? "" : value.strip();
        if (!acceptable(text)) {
            throw new IllegalArgumentException(param + " was \"" + masked(text) + "\"; expected " + expected);
        }
        return URI.create(text.replaceAll("/+$", ""));
    }

    /** {@code text} with the userinfo of every URL in it replaced by {@code ***}: {@code https://***@host/}. */
    public static String masked(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1***@");
    }
}
