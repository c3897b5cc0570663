package dev.otai.core.assembly;

import dev.otai.api.ParamKind;
import dev.otai.api.ParamSpec;
import dev.otai.core.config.Durations;
import dev.otai.support.endpoint.EndpointUrl;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and converts a param value to its declared kind, the same way for literal values at load time and for
 * rendered template values at run time. Conversion follows the declared kind only: text is never re-read as a
 * literal, so a password {@code "1234"} stays text where a string is expected.
 */
final class Coercion {

    private Coercion() {
    }

    /** The converted value, or a message describing what was wrong (without the param's name or place). */
    sealed interface Outcome {
        record Ok(Object value) implements Outcome {
        }

        record Wrong(String problem) implements Outcome {
        }
    }

    static Outcome coerce(ParamSpec spec, Object value) {
        if (value == null) {
            return spec.required() && spec.kind() != ParamKind.ANY ? wrong(spec, null) : new Outcome.Ok(null);
        }
        Optional<Object> converted = convert(spec.kind(), value);
        if (converted.isEmpty()) {
            return wrong(spec, value);
        }
        if (spec.constraint() != null && !spec.constraint().test(converted.get())) {
            return wrong(spec, value);
        }
        return new Outcome.Ok(converted.get());
    }

    private static Outcome wrong(ParamSpec spec, Object value) {
        return new Outcome.Wrong("was " + describe(value, spec.secret()) + "; expected " + spec.expectation());
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
