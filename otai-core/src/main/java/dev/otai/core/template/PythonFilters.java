package dev.otai.core.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jinja2 filters whose Jinjava versions give other values: {@code sort} (keyword arguments {@code reverse},
 * {@code case_sensitive}, {@code attribute}), {@code dictsort} ({@code by}, {@code reverse}), {@code round}
 * (always a float, halves to even as Python rounds), and {@code items}, which Jinjava lacks. Registered before
 * {@link CountedFilter} wraps every filter, so they spend from the render's budget like the others.
 */
final class PythonFilters {

    private PythonFilters() {
    }

    static void register(Context context) {
        context.registerFilter(new Named("sort", PythonFilters::sort));
        context.registerFilter(new Named("dictsort", PythonFilters::dictsort));
        context.registerFilter(new Named("round", PythonFilters::round));
        context.registerFilter(new Named("items", (value, args) -> value instanceof Map<?, ?> map ? entries(map)
                : fail("items", "expected a mapping; was " + PythonText.repr(value))));
    }

    private interface Body {
        Object apply(Object value, Arguments args);
    }

    /** Positional and keyword arguments of a filter call, read by position or by name as Python binds them. */
    private record Arguments(Object[] positional, Map<String, Object> keywords) {
        Object get(int index, String name, Object fallback) {
            if (positional != null && index < positional.length) {
                return positional[index];
            }
            return keywords != null && keywords.containsKey(name) ? keywords.get(name) : fallback;
        }

        boolean flag(int index, String name) {
            Object value = get(index, name, false);
            return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
        }
    }

    private record Named(String name, Body body) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return body.apply(var, new Arguments(args, Map.of()));
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            return body.apply(var, new Arguments(args, kwargs));
        }
    }

    private static Object sort(Object value, Arguments args) {
        if (!(value instanceof Collection<?> items)) {
            return fail("sort", "expected a list; was " + PythonText.repr(value));
        }
        boolean reverse = args.flag(0, "reverse");
        boolean caseSensitive = args.flag(1, "case_sensitive");
        Object attribute = args.get(2, "attribute", null);
        Comparator<Object> order = (a, b) -> compare(key(a, attribute, caseSensitive), key(b, attribute, caseSensitive));
        var sorted = new ArrayList<Object>(items);
        sorted.sort(reverse ? order.reversed() : order);
        return sorted;
    }

    private static Object dictsort(Object value, Arguments args) {
        if (!(value instanceof Map<?, ?> map)) {
            return fail("dictsort", "expected a mapping; was " + PythonText.repr(value));
        }
        boolean caseSensitive = args.flag(0, "case_sensitive");
        Object by = args.get(1, "by", "key");
        boolean reverse = args.flag(2, "reverse");
        boolean byValue = "value".equals(String.valueOf(by));
        Comparator<Map.Entry<?, ?>> order = (a, b) -> compare(
                key(byValue ? a.getValue() : a.getKey(), null, caseSensitive),
                key(byValue ? b.getValue() : b.getKey(), null, caseSensitive));
        List<Map.Entry<?, ?>> sorted = entries(map);
        sorted.sort(reverse ? order.reversed() : order);
        return sorted;
    }

    private static List<Map.Entry<?, ?>> entries(Map<?, ?> map) {
        var entries = new ArrayList<Map.Entry<?, ?>>(map.size());
        map.forEach((k, v) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return entries;
    }

    private static Object key(Object item, Object attribute, boolean caseSensitive) {
        Object key = item;
        if (attribute != null) {
            for (String part : attribute.toString().split("\\.")) {
                key = key instanceof Map<?, ?> map ? map.get(part) : null;
            }
        }
        return !caseSensitive && key instanceof CharSequence text ? text.toString().toLowerCase(Locale.ROOT) : key;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a == null || b == null || !a.getClass().equals(b.getClass()) || !(a instanceof Comparable)) {
            throw new TemplateException("sort: cannot order " + PythonText.repr(a) + " and " + PythonText.repr(b));
        }
        return ((Comparable) a).compareTo(b);
    }

    private static Object round(Object value, Arguments args) {
        if (!(value instanceof Number number) || value instanceof Boolean) {
            return fail("round", "expected a number; was " + PythonText.repr(value));
        }
        Object digits = args.get(0, "precision", 0L);
        int precision = digits instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(digits).strip());
        String method = String.valueOf(args.get(1, "method", "common"));
        RoundingMode mode = switch (method) {
            case "common" -> RoundingMode.HALF_EVEN;
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> throw new TemplateException("round: method must be 'common', 'ceil' or 'floor'; was '" + method + "'");
        };
        boolean whole = number instanceof Long || number instanceof Integer || number instanceof Short;
        if (whole && mode == RoundingMode.HALF_EVEN && precision >= 0) {
            return number; // Python's round() of an int is that int
        }
        BigDecimal exact = number instanceof BigDecimal d ? d : new BigDecimal(number.doubleValue());
        return exact.setScale(precision, mode).doubleValue();
    }

    private static Object fail(String filter, String problem) {
        throw new TemplateException("filter '" + filter + "': " + problem);
    }
}
