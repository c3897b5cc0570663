package dev.otai.core.assembly;

import dev.otai.api.ParamSpec;
import dev.otai.core.redaction.Redactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides which rendered params of a pipe or service are secret and teaches them to the engine's
 * {@link Redactor}: params marked secret or named like a secret, and values rendered from {@code get_env}. A
 * secret password next to a param named like a user (username, login, email) is registered with it in the
 * base64 form HTTP Basic authentication sends. The password of a URL written with credentials
 * ({@code https://user:password@host}) is registered too.
 */
final class Secrets {

    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "token", "secret", "api_key", "apikey",
            "authorization", "credential", "private_key");
    private static final List<String> USER_WORDS = List.of("user", "login", "email");
    private static final Pattern GET_ENV = Pattern.compile("get_env\\(\\s*['\"]([^'\"]+)['\"]");

    private final Redactor redactor;
    private final Map<String, String> environment;

    Secrets(Redactor redactor, Map<String, String> environment) {
        this.redactor = redactor;
        this.environment = environment;
    }

    Redactor redactor() {
        return redactor;
    }

    static boolean secretParam(ParamSpec spec) {
        String name = spec.name().toLowerCase(Locale.ROOT);
        return spec.secret() || SECRET_WORDS.stream().anyMatch(name::contains);
    }

    /** Registers the environment values every {@code get_env('NAME')} in these params' templates reads. */
    void learnEnvironmentReads(List<ParamPlan> plans) {
        for (ParamPlan plan : plans) {
            learnEnvironmentReads(plan.value());
        }
    }

    private void learnEnvironmentReads(ParamValue value) {
        switch (value) {
            case ParamValue.Templated t -> {
                var matcher = GET_ENV.matcher(t.template().source());
                while (matcher.find()) {
                    redactor.register(environment.get(matcher.group(1)));
                }
            }
            case ParamValue.Mapping m -> m.entries().values().forEach(this::learnEnvironmentReads);
            case ParamValue.Sequence s -> s.items().forEach(this::learnEnvironmentReads);
            default -> { }
        }
    }

    /**
     * What {@link #learn} needs to know of one node's params, worked out once per node rather than on every render:
     * the params that are secret, and those whose name says they hold a user (for Basic credentials).
     */
    record Kinds(List<ParamPlan> secret, List<String> users) {

        static Kinds of(List<ParamPlan> plans) {
            var secret = new ArrayList<ParamPlan>();
            var users = new ArrayList<String>();
            for (ParamPlan plan : plans) {
                String name = plan.name().toLowerCase(Locale.ROOT);
                if (secretParam(plan.spec())) {
                    secret.add(plan);
                } else if (USER_WORDS.stream().anyMatch(name::contains)) {
                    users.add(plan.name());
                }
            }
            return new Kinds(List.copyOf(secret), List.copyOf(users));
        }

        /**
         * What is left to learn on each render when only {@code templated} change: their secret params, or every
         * secret param when a user is among them (a constant password pairs with each user rendered). The users
         * stay, since a user may be constant and its password not.
         */
        Kinds within(List<ParamPlan> templated) {
            boolean userChanges = templated.stream().anyMatch(plan -> users.contains(plan.name()));
            return new Kinds(userChanges ? secret : secret.stream().filter(templated::contains).toList(), users);
        }
    }

    /** Registers the values of the secret params in {@code rendered}, and the credentials of any URL in them. */
    void learn(Kinds kinds, List<ParamPlan> plans, Map<String, Object> rendered) {
        if (!kinds.secret().isEmpty()) {
            String user = kinds.users().stream().map(rendered::get).filter(String.class::isInstance).map(String.class::cast)
                    .findFirst().orElse(null);
            for (ParamPlan plan : kinds.secret()) {
                remember(rendered.get(plan.name()), user);
            }
        }
        for (ParamPlan plan : plans) {
            rememberUrlCredentials(rendered.get(plan.name()));
        }
    }

    private void rememberUrlCredentials(Object value) {
        switch (value) {
            case String s -> redactor.registerUrlCredentials(s);
            case Map<?, ?> map -> map.values().forEach(this::rememberUrlCredentials);
            case Collection<?> items -> items.forEach(this::rememberUrlCredentials);
            case null, default -> { }
        }
    }

    private void remember(Object value, String user) {
        switch (value) {
            case null -> { }
            case String s -> redactor.registerBasicCredentials(user, s);
            case Map<?, ?> map -> map.values().forEach(v -> remember(v, user));
            case Collection<?> items -> items.forEach(v -> remember(v, user));
            case Number n -> redactor.register(n.toString());
            default -> { }
        }
    }

    /** The params as reported: secret ones and values from {@code get_env} replaced, the rest redacted, nested pipes left out. */
    Map<String, Object> masked(List<ParamPlan> plans, Map<String, Object> rendered) {
        var out = new LinkedHashMap<String, Object>();
        for (ParamPlan plan : plans) {
            if (!rendered.containsKey(plan.name())) {
                continue;
            }
            Object value = rendered.get(plan.name());
            out.put(plan.name(), secretParam(plan.spec()) ? hide(value) : masked(plan.value(), value));
        }
        return out;
    }

    private Object masked(ParamValue plan, Object value) {
        return switch (plan) {
            case ParamValue.Templated t when t.template().source().contains("get_env") -> hide(value);
            case ParamValue.Mapping m when value instanceof Map<?, ?> map -> {
                var out = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> {
                    ParamValue child = m.entries().get(String.valueOf(k));
                    out.put(String.valueOf(k), child == null ? redactor.redact(v) : masked(child, v));
                });
                yield out;
            }
            case ParamValue.Sequence s when value instanceof List<?> list && list.size() == s.items().size() -> {
                var out = new ArrayList<Object>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    out.add(masked(s.items().get(i), list.get(i)));
                }
                yield out;
            }
            default -> redactor.redact(value);
        };
    }

    private static Object hide(Object value) {
        return value == null ? null : Redactor.MARKER;
    }

    /** {@code value} with every known secret cut out of its texts. */
    Object scrub(Object value) {
        return redactor.redact(value);
    }

    String scrubText(String text) {
        return redactor.redact(text);
    }
}
