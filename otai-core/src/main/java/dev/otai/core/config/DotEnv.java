package dev.otai.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a {@code .env} file: {@code KEY=value} lines, optional {@code export }, {@code #} comments, single
 * quotes (literal) and double quotes (with {@code \n}, {@code \t}, {@code \"} and {@code \\} escapes).
 */
public final class DotEnv {

    private DotEnv() {
    }

    public static Map<String, String> parse(String text, String source, Problems problems) {
        var values = new LinkedHashMap<String, String>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.error(new Location(source, i + 1, 1), "",
                        "line is not KEY=VALUE; expected lines like OTAI__INFRASTRUCTURE__LOGGING__LEVEL=DEBUG");
                continue;
            }
            String key = line.substring(0, eq).strip();
            values.put(key, value(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String value(String raw) {
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return unescape(raw.substring(1, raw.length() - 1));
        }
        int comment = raw.indexOf(" #");
        return comment >= 0 ? raw.substring(0, comment).strip() : raw;
    }

    private static String unescape(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
