package dev.otai.core.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Jinja2's {@code max} and {@code min} filters, which Jinjava lacks. */
final class MinMaxFilter implements Filter {

    private final String name;
    private final boolean max;

    private MinMaxFilter(String name, boolean max) {
        this.name = name;
        this.max = max;
    }

    static void register(Context context) {
        context.registerFilter(new MinMaxFilter("max", true));
        context.registerFilter(new MinMaxFilter("min", false));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return pick(value, null);
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object attribute = kwargs == null ? null : kwargs.get("attribute");
        return pick(value, attribute == null ? null : attribute.toString());
    }

    /** The largest or smallest item, comparing the item's {@code attribute} (a key, or dotted keys) when given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object pick(Object value, String attribute) {
        if (!(value instanceof Collection<?> items) || items.isEmpty()) {
            return null;
        }
        List<Object> list = new ArrayList<>(items);
        Function<Object, Object> key = item -> attribute == null ? item : keyOf(item, attribute);
        Comparator<Object> order = (a, b) -> {
            Object x = key.apply(a);
            Object y = key.apply(b);
            return x instanceof Number n && y instanceof Number m ? Double.compare(n.doubleValue(), m.doubleValue())
                    : ((Comparable) x).compareTo(y);
        };
        return max ? list.stream().max(order).orElse(null) : list.stream().min(order).orElse(null);
    }

    private static Object keyOf(Object item, String attribute) {
        Object current = item;
        for (String part : attribute.split("\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return current;
    }
}
