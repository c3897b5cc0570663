package dev.otai.core.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.fn.Functions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The template functions, as Jinjava calls them: static methods that find the current {@link TemplateScope}
 * through the rendering interpreter, outside of anything a template can name. Nothing here holds state.
 */
public final class TemplateFunctions {

    private TemplateFunctions() {
    }

    private static TemplateScope scope() {
        return SandboxedInterpreter.current().scope();
    }

    /**
     * Jinja2's {@code range}. A range longer than what is left of the render's iteration budget is refused before
     * it is made; the loop or filter that walks it spends the budget.
     */
    public static List<Integer> range(Object first, Object... more) {
        Object[] bounds = new Object[more.length + 1];
        bounds[0] = first;
        System.arraycopy(more, 0, bounds, 1, more.length);
        SandboxedInterpreter.current().require(RangeSize.of(bounds), "range(" + joined(bounds) + ")");
        return Functions.range(first, more);
    }

    private static String joined(Object[] values) {
        var out = new StringJoiner(", ");
        for (Object value : values) {
            out.add(String.valueOf(value));
        }
        return out.toString();
    }

    public static Object getPipeResult(String pipeId, Object... key) {
        String dataKey = key.length == 0 || key[0] == null ? "value" : key[0].toString();
        return scope().pipeResult(pipeId, dataKey);
    }

    public static boolean hasFailed(String pipeId) {
        return scope().hasFailed(pipeId);
    }

    public static String getEnv(String name) {
        return scope().env(name);
    }

    public static Object getParentParam(String key) {
        return scope().parentParam(key);
    }

    /** Looks up a dotted path such as {@code 'queue.name'} or {@code 'notes.0.body'} in maps and lists. */
    public static Object atPath(Object value, String path) {
        Object current = value;
        for (String segment : path.split("\\.")) {
            if (current instanceof Placeholder) {
                return current;
            }
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(segment)) {
                    throw new TemplateException("at_path: key '" + segment + "' of path '" + path + "' not found; keys there: " + map.keySet());
                }
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                if (index >= list.size()) {
                    throw new TemplateException("at_path: index " + index + " of path '" + path + "' is past the end of a list of " + list.size());
                }
                current = list.get(index);
            } else {
                throw new TemplateException("at_path: cannot look up '" + segment + "' of path '" + path + "' in "
                        + (current == null ? "null" : "a " + current.getClass().getSimpleName()));
            }
        }
        return current;
    }

    /** Jinja2's {@code dict(a=1, b='x')}: a mapping of its keyword arguments. */
    public static Map<String, Object> dict(Object... entries) {
        var map = new LinkedHashMap<String, Object>();
        for (Object entry : entries) {
            if (!(entry instanceof NamedParameter named)) {
                throw new TemplateException("dict() takes keyword arguments only, as in dict(queue='Support'); got "
                        + PythonText.repr(entry));
            }
            map.put(named.getName(), named.getValue());
        }
        return map;
    }

    public static Object fail() {
        return Fail.MARKER;
    }
}
