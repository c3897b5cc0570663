package dev.otai.core.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.List;
import java.util.Map;

/**
 * The template functions, as Jinjava calls them: static methods that find the current {@link TemplateScope} in
 * the rendering interpreter's context. Nothing here holds state.
 */
public final class TemplateFunctions {

    static final String SCOPE_KEY = "__otai_scope__";

    private TemplateFunctions() {
    }

    private static TemplateScope scope() {
        Object scope = JinjavaInterpreter.getCurrent().getContext().get(SCOPE_KEY);
        if (!(scope instanceof TemplateScope s)) {
            throw new IllegalStateException("template function called outside of an otai render");
        }
        return s;
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

    public static Object fail() {
        return Fail.MARKER;
    }
}
