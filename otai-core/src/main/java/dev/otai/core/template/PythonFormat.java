package dev.otai.core.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code str.format}: fields {@code {}}, {@code {0}}, {@code {name}}, conversions {@code !s} and
 * {@code !r}, and format specs {@code [[fill]align][sign][0][width][,][.precision][type]} with the types
 * {@code s d f F e E g G % x X o b}. Numbers round as Python does, on the exact binary value, half to even.
 */
final class PythonFormat {

    private static final Pattern SPEC = Pattern.compile(
            "(?:(.)?([<>^=]))?([+\\- ])?(0)?(\\d+)?(,)?(?:\\.(\\d+))?([sdfFeEgG%xXob])?");

    private PythonFormat() {
    }

    static String format(String template, List<Object> args, Map<String, Object> kwargs, RenderBudget budget) {
        var out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                out.append(c);
                i += 2;
                continue;
            }
            if (c == '}') {
                throw problem(template, "a single '}' must be written '}}'");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            if (end < 0) {
                throw problem(template, "a '{' has no closing '}'");
            }
            String field = template.substring(i + 1, end);
            int colon = field.indexOf(':');
            String spec = colon < 0 ? "" : field.substring(colon + 1);
            String name = colon < 0 ? field : field.substring(0, colon);
            String conversion = "";
            int bang = name.indexOf('!');
            if (bang >= 0) {
                conversion = name.substring(bang + 1);
                name = name.substring(0, bang);
            }
            Object value;
            if (name.isEmpty()) {
                value = positional(template, args, next++);
            } else if (name.chars().allMatch(Character::isDigit)) {
                value = positional(template, args, Integer.parseInt(name));
            } else if (kwargs.containsKey(name)) {
                value = kwargs.get(name);
            } else {
                throw problem(template, "no argument named '" + name + "'");
            }
            if (conversion.equals("r")) {
                value = PythonText.repr(value);
            } else if (conversion.equals("s")) {
                value = PythonText.str(value);
            }
            out.append(field(template, value, spec, budget));
            if (budget != null) {
                budget.checkLength(out.length(), "'format()'");
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static Object positional(String template, List<Object> args, int index) {
        if (index >= args.size()) {
            throw problem(template, "it asks for argument " + index + " but got " + args.size());
        }
        return args.get(index);
    }

    /** One value formatted by a spec, as {@code format(value, spec)}. */
    static String field(String template, Object value, String spec, RenderBudget budget) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw problem(template, "format spec '" + spec + "' is not one otai reads");
        }
        String fill = m.group(1) != null ? m.group(1) : (m.group(4) != null ? "0" : " ");
        String align = m.group(2) != null ? m.group(2) : (m.group(4) != null ? "=" : null);
        String sign = m.group(3) != null ? m.group(3) : "-";
        int width = m.group(5) != null ? Integer.parseInt(m.group(5)) : 0;
        if (budget != null) {
            budget.checkLength(width, "'format()' width " + width);
        }
        boolean grouping = m.group(6) != null;
        Integer precision = m.group(7) != null ? Integer.valueOf(m.group(7)) : null;
        String type = m.group(8);
        String body;
        boolean numeric = value instanceof Number && !(value instanceof Boolean);
        if (type == null || type.equals("s")) {
            if (numeric && type == null && precision != null) {
                body = number(value, "g", precision, grouping);
            } else if (numeric && type == null) {
                body = grouping ? number(value, value instanceof Double || value instanceof Float ? "r" : "d", null, true)
                        : PythonText.str(value);
            } else {
                body = PythonText.str(value);
                if (precision != null && body.length() > precision) {
                    body = body.substring(0, precision);
                }
            }
        } else if (!numeric) {
            throw problem(template, "format type '" + type + "' needs a number; got " + PythonText.repr(value));
        } else {
            body = number(value, type, precision, grouping);
        }
        String signPart = "";
        if (numeric && body.startsWith("-")) {
            signPart = "-";
            body = body.substring(1);
        } else if (numeric && !sign.equals("-")) {
            signPart = sign;
        }
        int padding = width - signPart.length() - body.length();
        if (padding <= 0) {
            return signPart + body;
        }
        String pad = fill.repeat(padding);
        String how = align != null ? align : (numeric ? ">" : "<");
        return switch (how) {
            case "<" -> signPart + body + pad;
            case ">" -> pad + signPart + body;
            case "=" -> signPart + pad + body;
            default -> fill.repeat(padding / 2) + signPart + body + fill.repeat(padding - padding / 2);
        };
    }

    private static String number(Object value, String type, Integer precision, boolean grouping) {
        boolean integral = value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigInteger;
        return switch (type) {
            case "d" -> {
                if (!integral) {
                    throw new TemplateException("format type 'd' needs a whole number; got " + PythonText.repr(value));
                }
                yield grouped(value.toString(), grouping);
            }
            case "x", "X", "o", "b" -> {
                long n = ((Number) value).longValue();
                int radix = switch (type) {
                    case "o" -> 8;
                    case "b" -> 2;
                    default -> 16;
                };
                String digits = Long.toString(n, radix);
                yield type.equals("X") ? digits.toUpperCase(Locale.ROOT) : digits;
            }
            case "f", "F", "%" -> {
                BigDecimal exact = exact(value);
                if (type.equals("%")) {
                    exact = exact.movePointRight(2);
                }
                String fixed = exact.setScale(precision == null ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
                yield grouped(fixed, grouping) + (type.equals("%") ? "%" : "");
            }
            case "e", "E" -> {
                int digits = precision == null ? 6 : precision;
                String text = String.format(Locale.ROOT, "%." + digits + "e",
                        exact(value).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN)));
                yield type.equals("E") ? text.toUpperCase(Locale.ROOT) : text;
            }
            case "r" -> grouped(PythonText.number(((Number) value).doubleValue()), true);
            default -> { // g, G
                int digits = precision == null ? 6 : Math.max(precision, 1);
                BigDecimal rounded = exact(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
                int exponent = rounded.precision() - rounded.scale() - 1;
                if (rounded.signum() != 0 && (exponent < -4 || exponent >= digits)) {
                    yield number(value, type.equals("G") ? "E" : "e", digits - 1, false).replaceFirst("\\.?0+e", "e");
                }
                yield rounded.stripTrailingZeros().toPlainString();
            }
        };
    }

    private static BigDecimal exact(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case Double d -> new BigDecimal(d);
            case Float f -> new BigDecimal(f.doubleValue());
            default -> new BigDecimal(value.toString());
        };
    }

    private static String grouped(String number, boolean grouping) {
        if (!grouping) {
            return number;
        }
        int dot = number.indexOf('.');
        String whole = dot < 0 ? number : number.substring(0, dot);
        String rest = dot < 0 ? "" : number.substring(dot);
        boolean negative = whole.startsWith("-");
        String digits = negative ? whole.substring(1) : whole;
        var out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + out + rest;
    }

    private static TemplateException problem(String template, String problem) {
        return new TemplateException("'" + template + "'.format(): " + problem);
    }
}
