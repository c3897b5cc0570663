package dev.otai.otobo;

import dev.otai.api.Params;
import dev.otai.support.endpoint.EndpointUrl;
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
        URI uri = EndpointUrl.parse("base_url", params.string("base_url"), OtoboZnunyPlugin.BASE_URL_EXPECTED);
        var policy = new RetryPolicy((int) params.integer("max_attempts"), params.duration("initial_backoff"),
                params.duration("max_backoff"), timing);
        String auth = params.string("auth").toLowerCase(Locale.ROOT);
        if (!auth.equals("credentials") && !auth.equals("session")) {
            throw new IllegalArgumentException("auth was \"" + auth + "\"; expected credentials or session");
        }
        return new OtoboSettings(uri, params.string("username"), params.string("password"), params.string("webservice_name"),
                operations("operation_urls", DEFAULT_ROUTES, params.has("operation_urls") ? params.map("operation_urls") : Map.of()),
                operations("operation_methods", DEFAULT_METHODS, params.has("operation_methods") ? params.map("operation_methods") : Map.of()),
                auth.equals("session"), params.duration("connect_timeout"), params.duration("timeout"), policy,
                (int) params.integer("article_limit"), params.optionalString("default_customer_user").orElse(null));
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
