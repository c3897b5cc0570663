package dev.otai.core.template;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code text % args}: {@code '%s-%s' % ('a', 'b')}, {@code '%.2f' % x}, {@code '%(name)s' % mapping},
 * with the flags {@code - + 0} and a space, widths, precisions and the conversions {@code s r d i f F e E g G x X o c %}.
 * Each field is formatted by {@link PythonFormat}, so numbers round the same way in both styles.
 */
final class PythonPercent {

    private PythonPercent() {
    }

    static String format(String template, Object args, RenderBudget budget) {
        // Jinjava reads a tuple literal as a list, so a list on the right holds the arguments, as a tuple would
        List<?> positional = args instanceof List<?> list ? list : Collections.singletonList(args);
        Map<?, ?> named = args instanceof Map<?, ?> map ? map : null;
        var out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= template.length()) {
                throw problem(template, "it ends with a lone '%'");
            }
            Object value = null;
            boolean byName = false;
            if (template.charAt(i) == '(') {
                int close = template.indexOf(')', i);
                if (close < 0 || named == null) {
                    throw problem(template, "'%(name)' needs a mapping on the right of '%'");
                }
                String key = template.substring(i + 1, close);
                if (!named.containsKey(key)) {
                    throw problem(template, "the mapping has no key '" + key + "'");
                }
                value = named.get(key);
                byName = true;
                i = close + 1;
            }
            var flags = new StringBuilder();
            while (i < template.length() && "-+ 0#".indexOf(template.charAt(i)) >= 0) {
                flags.append(template.charAt(i++));
            }
            int start = i;
            while (i < template.length() && (Character.isDigit(template.charAt(i)) || template.charAt(i) == '.')) {
                i++;
            }
            String size = template.substring(start, i);
            if (i >= template.length()) {
                throw problem(template, "a '%' has no conversion letter");
            }
            char conversion = template.charAt(i++);
            if (conversion == '%') {
                out.append('%');
                continue;
            }
            if (!byName) {
                if (next >= positional.size()) {
                    throw problem(template, "not enough arguments: it has more fields than the " + positional.size() + " given");
                }
                value = positional.get(next++);
            }
            out.append(field(template, value, flags.toString(), size, conversion, budget));
            if (budget != null) {
                budget.checkLength(out.length(), "'%' formatting");
            }
        }
        if (named == null && next < positional.size()) {
            throw problem(template, "not all arguments converted: " + positional.size() + " given, " + next + " used");
        }
        return out.toString();
    }

    private static String field(String template, Object value, String flags, String size, char conversion,
                                RenderBudget budget) {
        boolean numeric = "diouxXeEfFgG".indexOf(conversion) >= 0;
        Object shown = switch (conversion) {
            case 's' -> PythonText.str(value);
            case 'r' -> PythonText.repr(value);
            case 'c' -> value instanceof Number n ? String.valueOf((char) n.intValue()) : PythonText.str(value);
            case 'd', 'i', 'u' -> {
                if (!(value instanceof Number n) || value instanceof Boolean) {
                    throw problem(template, "%" + conversion + " needs a number, not " + PythonText.repr(value));
                }
                yield n instanceof Double || n instanceof Float || n instanceof BigDecimal ? (Object) (long) n.doubleValue() : n;
            }
            default -> {
                if (!numeric) {
                    throw problem(template, "unsupported conversion '%" + conversion + "'");
                }
                if (!(value instanceof Number) || value instanceof Boolean) {
                    throw problem(template, "%" + conversion + " needs a number, not " + PythonText.repr(value));
                }
                yield value;
            }
        };
        String type = switch (conversion) {
            case 's', 'r', 'c' -> "s";
            case 'i', 'u' -> "d";
            default -> String.valueOf(conversion);
        };
        String align = flags.contains("-") ? "<" : flags.contains("0") && numeric ? "0=" : ">";
        String sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        return PythonFormat.field(template, shown, align + sign + size + type, budget);
    }

    private static TemplateException problem(String template, String problem) {
        return new TemplateException("'" + template + "' % …: " + problem);
    }
}
