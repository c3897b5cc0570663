package dev.otai.core.assembly;

import dev.otai.api.ParamKind;
import dev.otai.api.ParamSpec;
import dev.otai.core.config.Durations;
import dev.otai.core.config.Similarity;
import dev.otai.support.endpoint.EndpointUrl;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and converts a param value to its declared kind, the same way for literal values at load time and for
 * rendered template values at run time. Conversion follows the declared kind only: text is never re-read as a
 * literal, so a password {@code "1234"} stays text where a string is expected. Mappings with declared fields and
 * lists with declared items are checked key by key and item by item; a problem names the exact key or value at
 * fault by its keys and indexes below the param.
 */
final class Coercion {

    /** Stands for a template's value while checking at load time: every kind accepts it; it is checked when rendered. */
    static final Object UNRENDERED = new Object() {
        @Override
        public String toString() {
            return "a template";
        }
    };

    private Coercion() {
    }

    /** The converted value, or what was wrong (without the param's name or place). */
    sealed interface Outcome {
        record Ok(Object value) implements Outcome {
        }

        /**
         * @param problem what was wrong, completing "param 'x' …", for example {@code was "high"; expected a number}
         * @param at      keys and indexes from the param's value down to the part at fault; empty for the value itself
         * @param atKey   whether the last key of {@code at} is at fault (an unknown key) rather than its value
         */
        record Wrong(String problem, List<Object> at, boolean atKey) implements Outcome {
            public Wrong {
                at = List.copyOf(at);
            }

            /** The param's name with the keys and indexes down to the mapping or value at fault, such as {@code note.body}. */
            String label(String name) {
                var label = new StringBuilder(name);
                List<Object> owner = atKey ? at.subList(0, at.size() - 1) : at;
                owner.forEach(step -> label.append(step instanceof Integer i ? "[" + i + "]" : "." + step));
                return label.toString();
            }
        }
    }

    static Outcome coerce(ParamSpec spec, Object value) {
        return check(spec, value, List.of());
    }

    private static Outcome check(ParamSpec spec, Object value, List<Object> at) {
        if (value == UNRENDERED) {
            return new Outcome.Ok(value);
        }
        if (value == null) {
            return spec.required() && spec.kind() != ParamKind.ANY ? wrong(spec, null, at) : new Outcome.Ok(null);
        }
        if (!spec.alternatives().isEmpty()) {
            return alternative(spec, value, at);
        }
        Optional<Object> converted = convert(spec.kind(), value);
        if (converted.isEmpty()) {
            return wrong(spec, value, at);
        }
        Outcome shaped = switch (converted.get()) {
            case Map<?, ?> map when spec.hasFields() -> fields(spec, map, at);
            case List<?> list when spec.items() != null -> items(spec.items(), list, at);
            case Map<?, ?> map when spec.items() != null -> values(spec.items(), map, at);
            default -> new Outcome.Ok(converted.get());
        };
        if (!(shaped instanceof Outcome.Ok ok)) {
            return shaped;
        }
        if (!spec.choices().isEmpty() && !spec.choices().contains(ok.value().toString())) {
            return wrong(spec, value, at);
        }
        if (spec.constraint() != null && !spec.constraint().test(ok.value())) {
            return wrong(spec, value, at);
        }
        return ok;
    }

    /** The shape of the value's own type decides (and reports its nested problems); then the first shape that converts it. */
    private static Outcome alternative(ParamSpec spec, Object value, List<Object> at) {
        for (ParamSpec shape : spec.alternatives()) {
            if (isNative(shape.kind(), value)) {
                return check(shape, value, at);
            }
        }
        for (ParamSpec shape : spec.alternatives()) {
            if (check(shape, value, at) instanceof Outcome.Ok ok) {
                return ok;
            }
        }
        return wrong(spec, value, at);
    }

    private static boolean isNative(ParamKind kind, Object value) {
        return switch (kind) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case MAP -> value instanceof Map<?, ?>;
            case LIST -> value instanceof List<?>;
            default -> false;
        };
    }

    private static Outcome fields(ParamSpec spec, Map<?, ?> map, List<Object> at) {
        var out = new LinkedHashMap<String, Object>();
        var givenAs = new LinkedHashMap<String, String>();
        for (var entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            List<Object> here = append(at, key);
            Optional<ParamSpec> field = spec.field(key);
            if (field.isEmpty()) {
                if (spec.otherKeys()) {
                    out.put(key, entry.getValue());
                    continue;
                }
                return new Outcome.Wrong("has unknown key '" + key + "'; " + suggestion(spec, key), here, true);
            }
            String earlier = givenAs.putIfAbsent(field.get().name(), key);
            if (earlier != null) {
                return new Outcome.Wrong("has both '" + earlier + "' and '" + key + "', which mean the same; expected one of them",
                        here, true);
            }
            switch (check(field.get(), entry.getValue(), here)) {
                case Outcome.Ok ok -> out.put(field.get().name(), ok.value());
                case Outcome.Wrong wrong -> {
                    return wrong;
                }
            }
        }
        for (ParamSpec field : spec.fields()) {
            if (!givenAs.containsKey(field.name()) && field.required()) {
                return new Outcome.Wrong("is missing key '" + field.name() + "'; expected " + field.expectation(), at, false);
            }
            if (!givenAs.containsKey(field.name()) && field.defaultValue() != null) {
                out.put(field.name(), field.defaultValue());
            }
        }
        return new Outcome.Ok(Collections.unmodifiableMap(out));
    }

    private static String suggestion(ParamSpec spec, String key) {
        var names = new ArrayList<String>();
        spec.fields().forEach(field -> {
            names.add(field.name());
            names.addAll(field.aliases());
        });
        String hint = Similarity.closest(key, names).map(name -> "did you mean '" + name + "'? ").orElse("");
        return hint + "expected one of: " + String.join(", ", spec.fields().stream().map(ParamSpec::name).toList());
    }

    private static Outcome items(ParamSpec item, List<?> list, List<Object> at) {
        var out = new ArrayList<Object>(list.size());
        for (int i = 0; i < list.size(); i++) {
            switch (check(item, list.get(i), append(at, i))) {
                case Outcome.Ok ok -> out.add(ok.value());
                case Outcome.Wrong wrong -> {
                    return wrong;
                }
            }
        }
        return new Outcome.Ok(Collections.unmodifiableList(out));
    }

    private static Outcome values(ParamSpec value, Map<?, ?> map, List<Object> at) {
        var out = new LinkedHashMap<String, Object>();
        for (var entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            switch (check(value, entry.getValue(), append(at, key))) {
                case Outcome.Ok ok -> out.put(key, ok.value());
                case Outcome.Wrong wrong -> {
                    return wrong;
                }
            }
        }
        return new Outcome.Ok(Collections.unmodifiableMap(out));
    }

    private static List<Object> append(List<Object> at, Object step) {
        var longer = new ArrayList<Object>(at.size() + 1);
        longer.addAll(at);
        longer.add(step);
        return longer;
    }

    private static Outcome wrong(ParamSpec spec, Object value, List<Object> at) {
        return new Outcome.Wrong("was " + describe(value, spec.secret()) + "; expected " + spec.expectation(), at, false);
    }

    static String describe(Object value, boolean secret) {
        if (value == null) {
            return "null";
        }
        if (secret) {
            return "a secret value (not shown)";
        }
        return switch (value) {
            case String s -> quoted(EndpointUrl.masked(s));
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            case Boolean b -> b.toString();
            case Number n -> n.toString();
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    /** The text in quotes, cut to 80 characters; any URL's {@code user:password@} was masked before. */
    private static String quoted(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"";
    }

    static Optional<Object> convert(ParamKind kind, Object value) {
        return switch (kind) {
            case STRING -> value instanceof String || value instanceof Number || value instanceof Boolean
                    ? Optional.of(value.toString()) : Optional.empty();
            case INTEGER -> integer(value);
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case DURATION -> Durations.parse(value).map(Object.class::cast);
            case MAP -> value instanceof Map<?, ?> ? Optional.of(value) : Optional.empty();
            case LIST -> value instanceof List<?> ? Optional.of(value) : Optional.empty();
            case ANY, PIPE, PIPES, TRIGGERS -> Optional.of(value);
        };
    }

    private static Optional<Object> integer(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return Optional.of(big.longValue());
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Optional.of(d.longValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> number(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(new BigDecimal(s.strip()).doubleValue());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> bool(Object value) {
        if (value instanceof Boolean) {
            return Optional.of(value);
        }
        if (value instanceof String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> Optional.of(Boolean.TRUE);
                case "false", "no", "off", "0" -> Optional.of(Boolean.FALSE);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
