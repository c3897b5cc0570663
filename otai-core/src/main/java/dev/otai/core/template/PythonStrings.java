package dev.otai.core.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Python's string methods that Jinja2 templates call on text ({@code subject.strip().lower()},
 * {@code body.split(' ')}, {@code '{}-{}'.format(a, b)}), as an allow-list of pure functions written here: they
 * read their text and arguments and return new text, lists or booleans, nothing else. A method that can make
 * text longer ({@code replace}, {@code center}, {@code ljust}, {@code rjust}, {@code zfill}, {@code join},
 * {@code format}) has the length of its result checked against the render's output limit before it builds it.
 */
final class PythonStrings {

    private static final Set<String> METHODS = Set.of("lower", "upper", "strip", "lstrip", "rstrip", "split", "rsplit",
            "splitlines", "startswith", "endswith", "replace", "title", "capitalize", "swapcase", "casefold", "find",
            "rfind", "count", "center", "ljust", "rjust", "zfill", "join", "isdigit", "isnumeric", "isdecimal",
            "isalpha", "isalnum", "isspace", "islower", "isupper", "istitle", "partition", "rpartition", "format");

    private PythonStrings() {
    }

    static boolean has(String name) {
        return METHODS.contains(name);
    }

    static Object call(String text, String name, Object[] params, RenderBudget budget) {
        var args = new ArrayList<Object>();
        var kwargs = new LinkedHashMap<String, Object>();
        for (Object param : params == null ? new Object[0] : params) {
            if (param instanceof NamedParameter named) {
                kwargs.put(named.getName(), named.getValue());
            } else {
                args.add(param);
            }
        }
        if (budget != null) {
            budget.spend(1, "'" + name + "()'");
        }
        return switch (name) {
            case "lower", "casefold" -> text.toLowerCase(Locale.ROOT);
            case "upper" -> text.toUpperCase(Locale.ROOT);
            case "strip" -> strip(text, chars(args), true, true);
            case "lstrip" -> strip(text, chars(args), true, false);
            case "rstrip" -> strip(text, chars(args), false, true);
            case "split" -> split(text, arg(args, kwargs, 0, "sep"), (int) integer(arg(args, kwargs, 1, "maxsplit"), -1));
            case "rsplit" -> rsplit(text, arg(args, kwargs, 0, "sep"), (int) integer(arg(args, kwargs, 1, "maxsplit"), -1));
            case "splitlines" -> new ArrayList<Object>(text.lines().toList());
            case "startswith" -> affix(text, args, true);
            case "endswith" -> affix(text, args, false);
            case "replace" -> replace(text, string(args, 0), string(args, 1), (int) integer(arg(args, kwargs, 2, "count"), -1), budget);
            case "title" -> title(text);
            case "capitalize" -> text.isEmpty() ? text
                    : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1).toLowerCase(Locale.ROOT);
            case "swapcase" -> swapcase(text);
            case "find" -> (long) text.indexOf(string(args, 0));
            case "rfind" -> (long) text.lastIndexOf(string(args, 0));
            case "count" -> count(text, string(args, 0));
            case "center", "ljust", "rjust" -> pad(text, name, (int) bounded(integer(args.isEmpty() ? null : args.get(0), 0), budget, name),
                    args.size() > 1 ? string(args, 1) : " ");
            case "zfill" -> zfill(text, (int) bounded(integer(args.isEmpty() ? null : args.get(0), 0), budget, name));
            case "join" -> join(text, args.isEmpty() ? null : args.get(0), budget);
            case "isdigit", "isnumeric", "isdecimal" -> !text.isEmpty() && text.chars().allMatch(Character::isDigit);
            case "isalpha" -> !text.isEmpty() && text.chars().allMatch(Character::isLetter);
            case "isalnum" -> !text.isEmpty() && text.chars().allMatch(Character::isLetterOrDigit);
            case "isspace" -> !text.isEmpty() && text.chars().allMatch(Character::isWhitespace);
            case "islower" -> text.chars().anyMatch(Character::isLowerCase) && text.equals(text.toLowerCase(Locale.ROOT));
            case "isupper" -> text.chars().anyMatch(Character::isUpperCase) && text.equals(text.toUpperCase(Locale.ROOT));
            case "istitle" -> !text.isEmpty() && text.equals(title(text)) && text.chars().anyMatch(Character::isLetter);
            case "partition" -> partition(text, string(args, 0), text.indexOf(string(args, 0)), false);
            case "rpartition" -> partition(text, string(args, 0), text.lastIndexOf(string(args, 0)), true);
            case "format" -> PythonFormat.format(text, args, kwargs, budget);
            default -> throw new IllegalStateException("no string method " + name);
        };
    }

    private static Object arg(List<Object> args, Map<String, Object> kwargs, int index, String keyword) {
        return index < args.size() ? args.get(index) : kwargs.get(keyword);
    }

    private static String string(List<Object> args, int index) {
        if (index >= args.size() || !(args.get(index) instanceof CharSequence text)) {
            throw new TemplateException("string method argument " + (index + 1) + " must be a text; was "
                    + (index < args.size() ? PythonText.repr(args.get(index)) : "missing"));
        }
        return text.toString();
    }

    private static String chars(List<Object> args) {
        return args.isEmpty() || args.getFirst() == null ? null : args.getFirst().toString();
    }

    private static long integer(Object value, long fallback) {
        return switch (value) {
            case null -> fallback;
            case Number n -> n.longValue();
            default -> throw new TemplateException("string method argument must be a whole number; was " + PythonText.repr(value));
        };
    }

    private static long bounded(long width, RenderBudget budget, String name) {
        if (budget != null) {
            budget.checkLength(width, "'" + name + "(" + width + ")'");
        }
        return width;
    }

    private static String strip(String text, String chars, boolean left, boolean right) {
        int start = 0;
        int end = text.length();
        while (left && start < end && stripped(text.charAt(start), chars)) {
            start++;
        }
        while (right && end > start && stripped(text.charAt(end - 1), chars)) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    private static List<Object> split(String text, Object sep, int maxsplit) {
        var parts = new ArrayList<Object>();
        if (sep == null) {
            String rest = strip(text, null, true, false);
            while (!rest.isEmpty()) {
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                if (maxsplit >= 0 && parts.size() == maxsplit) {
                    parts.add(strip(rest, null, false, true));
                    return parts;
                }
                parts.add(rest.substring(0, end));
                rest = strip(rest.substring(end), null, true, false);
            }
            return parts;
        }
        String separator = sep.toString();
        if (separator.isEmpty()) {
            throw new TemplateException("split(): empty separator");
        }
        int from = 0;
        int at;
        while ((maxsplit < 0 || parts.size() < maxsplit) && (at = text.indexOf(separator, from)) >= 0) {
            parts.add(text.substring(from, at));
            from = at + separator.length();
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static List<Object> rsplit(String text, Object sep, int maxsplit) {
        if (sep == null || maxsplit < 0) {
            return split(text, sep, maxsplit);
        }
        String separator = sep.toString();
        var parts = new ArrayList<Object>();
        int end = text.length();
        int at;
        while (parts.size() < maxsplit && (at = text.lastIndexOf(separator, end - separator.length())) >= 0) {
            parts.addFirst(text.substring(at + separator.length(), end));
            end = at;
        }
        parts.addFirst(text.substring(0, end));
        return parts;
    }

    private static boolean affix(String text, List<Object> args, boolean start) {
        Object wanted = args.isEmpty() ? null : args.getFirst();
        Collection<?> options = wanted instanceof Collection<?> many ? many : Collections.singletonList(wanted);
        for (Object option : options) {
            if (option == null) {
                throw new TemplateException((start ? "startswith" : "endswith") + "(): expected a text or a list of texts");
            }
            if (start ? text.startsWith(option.toString()) : text.endsWith(option.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String replace(String text, String old, String replacement, int count, RenderBudget budget) {
        long occurrences = old.isEmpty() ? text.length() + 1L : count(text, old);
        if (count >= 0) {
            occurrences = Math.min(occurrences, count);
        }
        long length = text.length() + occurrences * (replacement.length() - old.length());
        if (budget != null) {
            budget.checkLength(length, "'replace()'");
        }
        var out = new StringBuilder((int) Math.max(0, length));
        int from = 0;
        for (long done = 0; done < occurrences; done++) {
            int at = old.isEmpty() ? from : text.indexOf(old, from);
            out.append(text, from, at).append(replacement);
            if (old.isEmpty()) {
                if (at < text.length()) {
                    out.append(text.charAt(at));
                }
                from = at + 1;
            } else {
                from = at + old.length();
            }
        }
        if (from < text.length()) {
            out.append(text, from, text.length());
        }
        return out.toString();
    }

    private static long count(String text, String part) {
        if (part.isEmpty()) {
            return text.length() + 1L;
        }
        long found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            found++;
        }
        return found;
    }

    private static String title(String text) {
        var out = new StringBuilder(text.length());
        boolean previousLetter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(previousLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousLetter = Character.isLetter(c);
        }
        return out.toString();
    }

    private static String swapcase(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    private static String pad(String text, String how, int width, String fill) {
        if (fill.length() != 1) {
            throw new TemplateException(how + "(): the fill character must be exactly one character; was " + PythonText.repr(fill));
        }
        int total = width - text.length();
        if (total <= 0) {
            return text;
        }
        // Python's center puts the extra space on the right, unless the padding and the width are both odd
        int left = switch (how) {
            case "ljust" -> 0;
            case "rjust" -> total;
            default -> total / 2 + (total & width & 1);
        };
        return fill.repeat(left) + text + fill.repeat(total - left);
    }

    private static String zfill(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        boolean sign = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+');
        String zeros = "0".repeat(width - text.length());
        return sign ? text.charAt(0) + zeros + text.substring(1) : zeros + text;
    }

    private static String join(String separator, Object items, RenderBudget budget) {
        Iterable<?> parts = switch (items) {
            case Collection<?> c -> c;
            case Map<?, ?> m -> m.keySet();
            case CharSequence s -> s.chars().mapToObj(c -> String.valueOf((char) c)).toList();
            case null, default -> throw new TemplateException("join(): expected a list of texts; was " + PythonText.repr(items));
        };
        var out = new StringJoiner(separator);
        long length = 0;
        for (Object part : parts) {
            if (!(part instanceof CharSequence text)) {
                throw new TemplateException("join(): expected a list of texts; found " + PythonText.repr(part));
            }
            length += text.length() + separator.length();
            if (budget != null) {
                budget.checkLength(length, "'join()'");
            }
            out.add(text);
        }
        return out.toString();
    }

    private static List<Object> partition(String text, String separator, int at, boolean fromRight) {
        if (at < 0) {
            return new ArrayList<>(fromRight ? List.of("", "", text) : List.of(text, "", ""));
        }
        return new ArrayList<>(List.of(text.substring(0, at), separator, text.substring(at + separator.length())));
    }
}
