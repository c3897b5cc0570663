package dev.otai.core.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        if (!(value instanceof Collection<?> items) || items.isEmpty()) {
            return null;
        }
        List<Object> list = new ArrayList<>(items);
        Comparator<Object> order = (a, b) -> a instanceof Number x && b instanceof Number y
                ? Double.compare(x.doubleValue(), y.doubleValue())
                : ((Comparable) a).compareTo(b);
        return max ? list.stream().max(order).orElse(null) : list.stream().min(order).orElse(null);
    }
}
