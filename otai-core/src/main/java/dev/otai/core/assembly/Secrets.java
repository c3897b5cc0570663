package dev.otai.core.assembly;

import dev.otai.api.ParamSpec;
import dev.otai.core.orchestration.StepEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Knows which rendered values are secret and removes them from what the engine reports about a step: params
 * marked secret or named like a secret, values rendered from {@code get_env}, and (in messages and data) every
 * such value seen so far, including the secret params of services.
 */
final class Secrets {

    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "token", "secret", "api_key", "apikey",
            "authorization", "credential", "private_key");
    private static final int SHORTEST_SCRUBBED = 4;

    private static final java.util.regex.Pattern GET_ENV = java.util.regex.Pattern.compile("get_env\\(\\s*['\"]([^'\"]+)['\"]");

    private final Set<String> known = new CopyOnWriteArraySet<>();
    private final Map<String, String> environment;

    Secrets(Map<String, String> environment) {
        this.environment = environment;
    }

    static boolean secretParam(ParamSpec spec) {
        String name = spec.name().toLowerCase(Locale.ROOT);
        return spec.secret() || SECRET_WORDS.stream().anyMatch(name::contains);
    }

    /** The params as reported: secret ones and values from {@code get_env} replaced, nested pipes left out. */
    Map<String, Object> redact(List<ParamPlan> plans, Map<String, Object> rendered) {
        var out = new LinkedHashMap<String, Object>();
        for (ParamPlan plan : plans) {
            if (!rendered.containsKey(plan.name())) {
                continue;
            }
            Object value = rendered.get(plan.name());
            out.put(plan.name(), secretParam(plan.spec()) ? hide(value) : redact(plan.value(), value));
        }
        return out;
    }

    private Object redact(ParamValue plan, Object value) {
        return switch (plan) {
            case ParamValue.Templated t when t.template().source().contains("get_env") -> {
                rememberEnvironment(t.template().source());
                yield hide(value);
            }
            case ParamValue.Mapping m when value instanceof Map<?, ?> map -> {
                var out = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> {
                    ParamValue child = m.entries().get(String.valueOf(k));
                    out.put(String.valueOf(k), child == null ? v : redact(child, v));
                });
                yield out;
            }
            case ParamValue.Sequence s when value instanceof List<?> list && list.size() == s.items().size() -> {
                var out = new ArrayList<Object>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    out.add(redact(s.items().get(i), list.get(i)));
                }
                yield out;
            }
            default -> value;
        };
    }

    /** Remembers the values of the variables a template reads with {@code get_env('NAME')}. */
    private void rememberEnvironment(String source) {
        var matcher = GET_ENV.matcher(source);
        while (matcher.find()) {
            remember(environment.get(matcher.group(1)));
        }
    }

    /** Remembers every text inside {@code value} as secret and returns the redaction marker. */
    Object hide(Object value) {
        remember(value);
        return value == null ? null : StepEvent.REDACTED;
    }

    private void remember(Object value) {
        switch (value) {
            case null -> { }
            case String s when s.length() >= SHORTEST_SCRUBBED -> known.add(s);
            case Map<?, ?> map -> map.values().forEach(this::remember);
            case Collection<?> items -> items.forEach(this::remember);
            case Number n when n.toString().length() >= SHORTEST_SCRUBBED -> known.add(n.toString());
            default -> { }
        }
    }

    /** {@code value} with every known secret cut out of its texts. */
    Object scrub(Object value) {
        if (known.isEmpty()) {
            return value;
        }
        return switch (value) {
            case String s -> scrubText(s);
            case Map<?, ?> map -> {
                var out = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> out.put(String.valueOf(k), scrub(v)));
                yield out;
            }
            case Collection<?> items -> items.stream().map(this::scrub).toList();
            case null, default -> value;
        };
    }

    String scrubText(String text) {
        if (known.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> longestFirst = new ArrayList<>(known);
        longestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String secret : longestFirst) {
            if (out.contains(secret)) {
                out = out.replace(secret, StepEvent.REDACTED);
            }
        }
        return out;
    }
}
