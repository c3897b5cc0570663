package dev.otai.otobo;

import static dev.otai.otobo.OtoboZnunyPlugin.ARTICLE_LIMIT;
import static dev.otai.otobo.OtoboZnunyPlugin.AUTH;
import static dev.otai.otobo.OtoboZnunyPlugin.BASE_URL;
import static dev.otai.otobo.OtoboZnunyPlugin.CONNECT_TIMEOUT;
import static dev.otai.otobo.OtoboZnunyPlugin.DEFAULT_CUSTOMER_USER;
import static dev.otai.otobo.OtoboZnunyPlugin.OPERATION_METHODS;
import static dev.otai.otobo.OtoboZnunyPlugin.OPERATION_URLS;
import static dev.otai.otobo.OtoboZnunyPlugin.PASSWORD;
import static dev.otai.otobo.OtoboZnunyPlugin.TIMEOUT;
import static dev.otai.otobo.OtoboZnunyPlugin.USERNAME;
import static dev.otai.otobo.OtoboZnunyPlugin.WEBSERVICE_NAME;

import dev.otai.api.Params;
import dev.otai.support.endpoint.EndpointUrl;
import dev.otai.support.retry.RetryParams;
import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.RetryTiming;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The service's params, checked. {@code operation_urls} keys are the GenericInterface operations
 * ({@code TicketSearch}, {@code TicketGet}, {@code TicketUpdate}, {@code TicketCreate}, {@code SessionCreate});
 * {@code ticket-search} or {@code search} are accepted too, since OTAI's own docs show them.
 */
record OtoboSettings(URI baseUrl, String username, String password, String webservice, Map<String, String> routes,
                     Map<String, String> methods, boolean useSession, Duration connectTimeout, Duration requestTimeout,
                     RetryPolicy retry, int articleLimit, String defaultCustomerUser) {

    static final Map<String, String> DEFAULT_ROUTES = Map.of("TicketSearch", "ticket-search", "TicketGet", "ticket-get",
            "TicketUpdate", "ticket-update", "TicketCreate", "ticket-create", "SessionCreate", "session");
    static final Map<String, String> DEFAULT_METHODS = Map.of("TicketSearch", "POST", "TicketGet", "POST",
            "TicketUpdate", "PUT", "TicketCreate", "POST", "SessionCreate", "POST");

    @Override
    public String toString() {
        return "OtoboSettings[" + baseUrl + ", user " + username + ", web service " + webservice + "]"; // no password
    }

    static OtoboSettings from(Params params, RetryTiming timing) {
        URI uri = EndpointUrl.parse(BASE_URL.name(), params.get(BASE_URL), OtoboZnunyPlugin.BASE_URL_EXPECTED);
        var policy = RetryParams.policy(params, timing);
        String auth = params.get(AUTH).toLowerCase(Locale.ROOT);
        if (!auth.equals("credentials") && !auth.equals("session")) {
            throw new IllegalArgumentException("auth was \"" + auth + "\"; expected credentials or session");
        }
        return new OtoboSettings(uri, params.get(USERNAME), params.get(PASSWORD), params.get(WEBSERVICE_NAME),
                operations(OPERATION_URLS.name(), DEFAULT_ROUTES, params.find(OPERATION_URLS).orElse(Map.of())),
                operations(OPERATION_METHODS.name(), DEFAULT_METHODS, params.find(OPERATION_METHODS).orElse(Map.of())),
                auth.equals("session"), params.get(CONNECT_TIMEOUT), params.get(TIMEOUT), policy,
                Math.toIntExact(params.get(ARTICLE_LIMIT)), params.find(DEFAULT_CUSTOMER_USER).orElse(null));
    }

    private static Map<String, String> operations(String param, Map<String, String> defaults, Map<String, Object> given) {
        var out = new LinkedHashMap<>(defaults);
        given.forEach((key, value) -> out.put(operation(param, key), String.valueOf(value).strip()));
        return Map.copyOf(out);
    }

    private static String operation(String param, String key) {
        String plain = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (String candidate : new String[] {plain, "ticket" + plain, plain.equals("session") ? "sessioncreate" : ""}) {
            for (String op : DEFAULT_ROUTES.keySet()) {
                if (op.toLowerCase(Locale.ROOT).equals(candidate)) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException(param + " has key \"" + key + "\"; expected one of " + DEFAULT_ROUTES.keySet());
    }

    /** {@code <base_url>/Webservice/<name>/<route>}. */
    URI operationUri(String operation) {
        String route = routes.get(operation);
        String path = route.startsWith("/") ? route : "/" + route;
        String name = URLEncoder.encode(webservice, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(baseUrl + "/Webservice/" + name + path);
    }
}
