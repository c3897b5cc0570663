package dev.otai.core.template;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How Jinja2 writes values as text: Python's {@code str()} for output, {@code repr()} inside lists and mappings.
 * {@code None}, {@code True}, {@code [1, 'a']}, {@code {'k': 'v'}}, {@code 0.5}, {@code 1e-05}.
 */
final class PythonText {

    private PythonText() {
    }

    /** Python's {@code str(value)}. */
    static String str(Object value) {
        return value instanceof CharSequence text ? text.toString() : repr(value);
    }

    /** Python's {@code repr(value)}. */
    static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case BigDecimal d -> number(d.doubleValue());
            case Number n -> n.toString();
            case CharSequence text -> quoted(text.toString());
            case Character c -> quoted(c.toString());
            case Map<?, ?> map -> {
                var out = new StringJoiner(", ", "{", "}");
                map.forEach((k, v) -> out.add(repr(k) + ": " + repr(v)));
                yield out.toString();
            }
            case Map.Entry<?, ?> entry -> "(" + repr(entry.getKey()) + ", " + repr(entry.getValue()) + ")";
            case Collection<?> items -> {
                var out = new StringJoiner(", ", "[", "]");
                items.forEach(item -> out.add(repr(item)));
                yield out.toString();
            }
            default -> value.toString();
        };
    }

    /** Python's float repr: the shortest digits that read back the same, exponent form outside [1e-4, 1e16). */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(d);
        if (d == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
            String plain = new BigDecimal(Double.toString(d)).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String java = Double.toString(d); // d.dddE[-]n
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exponent = Integer.parseInt(java.substring(e + 1));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    private static String quoted(String text) {
        char quote = text.contains("'") && !text.contains("\"") ? '"' : '\'';
        var out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
