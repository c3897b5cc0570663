package dev.otai.core.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Wraps a Jinjava filter so that its work is spent from the render's budget: each call costs one, plus the
 * elements of a list or mapping it walks through and of a list it returns; a text it returns must fit the output
 * limit. Filters whose first argument sizes what they build ({@code center}, {@code indent}, {@code batch},
 * {@code slice}, {@code wordwrap}) are refused any size beyond the output limit before they allocate anything.
 */
final class CountedFilter implements Filter {

    private static final Set<String> SIZED_BY_ARGUMENT = Set.of("center", "indent", "batch", "slice", "wordwrap");

    private final Filter filter;

    private CountedFilter(Filter filter) {
        this.filter = filter;
    }

    /** Replaces every filter of {@code context} by its counted form. */
    static void wrapAll(Context context) {
        for (Filter filter : new ArrayList<>(context.getAllFilters())) {
            if (!(filter instanceof CountedFilter)) {
                context.registerFilter(new CountedFilter(filter));
            }
        }
    }

    @Override
    public String getName() {
        return filter.getName();
    }

    @Override
    public boolean preserveSafeString() {
        return filter.preserveSafeString();
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        RenderBudget budget = before(var, interpreter, args);
        return after(filter.filter(var, interpreter, args), budget);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        RenderBudget budget = before(var, interpreter, args);
        if (budget != null && kwargs != null) {
            requireSizes(var, kwargs.values().toArray(), budget);
        }
        return after(filter.filter(var, interpreter, args, kwargs), budget);
    }

    @Override
    public Object filter(SafeString var, JinjavaInterpreter interpreter, String... args) {
        RenderBudget budget = before(var, interpreter, args);
        return after(filter.filter(var, interpreter, args), budget);
    }

    private RenderBudget before(Object var, JinjavaInterpreter interpreter, Object[] args) {
        RenderBudget budget = SandboxedInterpreter.budgetOf(interpreter);
        if (budget == null) {
            return null;
        }
        budget.spend(1 + size(var), where());
        requireSizes(var, args, budget);
        return budget;
    }

    private void requireSizes(Object var, Object[] args, RenderBudget budget) {
        if (!SIZED_BY_ARGUMENT.contains(getName()) || args == null) {
            return;
        }
        long lines = getName().equals("indent") && var != null ? var.toString().lines().count() : 1;
        for (Object arg : args) {
            if (number(arg) * lines > budget.limits().maxOutputChars()) {
                throw budget.outputTooLong(where() + " with size " + arg);
            }
        }
    }

    private Object after(Object result, RenderBudget budget) {
        if (budget == null) {
            return result;
        }
        if (result instanceof CharSequence text) {
            budget.checkLength(text.length(), where());
        } else if (size(result) > 0) {
            budget.spend(size(result), where());
        }
        return result;
    }

    private String where() {
        return "filter '" + getName() + "'";
    }

    private static long size(Object value) {
        return switch (value) {
            case Collection<?> items -> items.size();
            case Map<?, ?> map -> map.size();
            case Object[] array -> array.length;
            case null, default -> 0;
        };
    }

    private static double number(Object value) {
        try {
            return value == null ? 0 : new BigDecimal(value.toString().strip()).doubleValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
