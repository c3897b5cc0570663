package dev.otai.core.template;

import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.date.PyishDate;
import com.hubspot.jinjava.util.ForLoop;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotFoundException;

/**
 * How template expressions look into values: keys of mappings and indexes of lists, and nothing of Java objects
 * beyond a few read-only calls Jinja2 templates use ({@code d.items()}, {@code d.keys()}, {@code d.values()},
 * {@code d.get(k)}, {@code l.index(x)}, {@code l.count(x)}, {@code loop.cycle(…)}) and Python's pure string
 * methods, which otai implements itself ({@link PythonStrings}). Any other property or method
 * of an object ({@code ''.getClass()}, {@code x.class}, {@code x.hashCode()}…) is refused with an error.
 */
final class DataOnlyResolver {

    private static final Set<String> MAP_METHODS = Set.of("items", "keys", "values", "get");
    private static final Set<String> LIST_METHODS = Set.of("index", "count");

    private DataOnlyResolver() {
    }

    static ELResolver create() {
        var resolver = new CompositeELResolver();
        resolver.add(new ArrayELResolver(true));
        resolver.add(new JinjavaListELResolver(true));
        resolver.add(new MapResolver());
        resolver.add(new ObjectResolver());
        return resolver;
    }

    /** Keys of mappings; a key the mapping lacks is told to the interpreter, since Jinjava reads it as null. */
    private static final class MapResolver extends TypeConvertingMapELResolver {

        MapResolver() {
            super(true);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            Object value = super.getValue(context, base, property);
            if (value == null && base instanceof Map<?, ?> map && !MAP_METHODS.contains(String.valueOf(property))
                    && !map.containsKey(property)
                    && !map.containsKey(String.valueOf(property))
                    && JinjavaInterpreter.getCurrent() instanceof SandboxedInterpreter interpreter) {
                interpreter.keyMissing();
            }
            return value;
        }
    }

    /** Whatever is neither a mapping nor a list: only the loop variable, map entries and dates have properties. */
    private static final class ObjectResolver extends JinjavaBeanELResolver {

        ObjectResolver() {
            super(true);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base instanceof CharSequence text && index(property) instanceof Long at) {
                long i = at < 0 ? at + text.length() : at;
                if (i < 0 || i >= text.length()) {
                    throw refused("reads index " + at + " of a text of " + text.length() + " characters");
                }
                context.setPropertyResolved(true);
                return String.valueOf(text.charAt((int) i));
            }
            if (base == null || base instanceof ForLoop || base instanceof Map.Entry<?, ?> || base instanceof PyishDate) {
                return super.getValue(context, base, property);
            }
            // Jinjava reports this as an unknown property, which fails the render
            throw new PropertyNotFoundException("templates read keys of mappings and indexes of lists only");
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            String name = String.valueOf(method);
            if (base instanceof CharSequence text && PythonStrings.has(name)) {
                Object result = PythonStrings.call(text.toString(), name, params, SandboxedInterpreter.budgetOf(
                        JinjavaInterpreter.getCurrent()));
                context.setPropertyResolved(true);
                return result;
            }
            boolean allowed = switch (base) {
                case Filter f -> name.equals("filter");
                case ExpTest t -> name.equals("evaluate") || name.equals("evaluateNegated");
                case Map<?, ?> m -> MAP_METHODS.contains(name);
                case List<?> l -> LIST_METHODS.contains(name);
                case ForLoop loop -> name.equals("cycle");
                case PyishDate date -> name.equals("strftime") || name.equals("isoformat");
                case null, default -> false;
            };
            if (!allowed) {
                throw refused("calls " + name + "() on " + describe(base)
                        + "; templates read data (mappings, lists, text, numbers, booleans) and call otai's functions"
                        + " and Jinja2 filters, not methods of values");
            }
            return super.invoke(context, base, method, paramTypes, params);
        }

        private static Long index(Object property) {
            return switch (property) {
                case Long l -> l;
                case Integer i -> (long) i;
                case String s when s.matches("-?\\d{1,9}") -> Long.parseLong(s);
                case null, default -> null;
            };
        }

        private static TemplateException refused(String problem) {
            RenderBudget budget = SandboxedInterpreter.budgetOf(JinjavaInterpreter.getCurrent());
            return budget == null ? new TemplateException("template " + problem) : budget.refuse(problem);
        }

        private static String describe(Object value) {
            return switch (value) {
                case null -> "none";
                case CharSequence text -> "a text";
                case Number number -> "a number";
                case Boolean bool -> "a boolean";
                case Map<?, ?> map -> "a mapping";
                case List<?> list -> "a list";
                default -> "an object";
            };
        }
    }
}
