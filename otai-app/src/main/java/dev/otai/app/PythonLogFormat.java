package dev.otai.app;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates OTAI's Python logging format ({@code %(levelname)-8s %(name)20s %(message).200s}) and strftime date
 * format into a logback pattern. Python's width and precision carry over: {@code -8} left-aligns in 8 columns,
 * {@code 20} right-aligns in 20, {@code .200} keeps the first 200 characters. Text between fields is literal, even
 * where logback would read it ({@code (}, {@code )}, {@code %}, {@code \}); {@code %%} is a percent sign. A field
 * logback has no counterpart for stays as written.
 */
final class PythonLogFormat {

    private static final Pattern FIELD = Pattern.compile("%\\((\\w+)\\)([-#0 +]*)(\\d+)?(?:\\.(\\d+))?([sdifeEgGrxXa])|%%");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "logger{30}"),
            Map.entry("levelname", "level"),
            Map.entry("message", "msg"),
            Map.entry("threadName", "thread"),
            Map.entry("module", "logger{0}"),
            Map.entry("filename", "file"),
            Map.entry("funcName", "method"),
            Map.entry("lineno", "line"),
            Map.entry("relativeCreated", "relative"));

    private PythonLogFormat() {
    }

    /** The logback pattern for {@code format}, with {@code %(asctime)s} in {@code dateFormat} (strftime). */
    static String pattern(String format, String dateFormat) {
        var out = new StringBuilder();
        Matcher m = FIELD.matcher(format);
        int at = 0;
        while (m.find()) {
            literal(format.substring(at, m.start()), out);
            at = m.end();
            if (m.group().equals("%%")) {
                out.append("\\%");
                continue;
            }
            String word = m.group(1).equals("asctime") ? "d{\"" + javaDate(dateFormat) + "\"}" : FIELDS.get(m.group(1));
            if (word == null) {
                literal(m.group(), out);
                continue;
            }
            out.append('%');
            if (m.group(3) != null) {
                out.append(m.group(2).contains("-") ? "-" : "").append(m.group(3));
            }
            if (m.group(4) != null) {
                out.append(".-").append(m.group(4));
            }
            out.append(word);
        }
        literal(format.substring(at), out);
        return out.toString();
    }

    private static void literal(String text, StringBuilder out) {
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '%' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** strftime to {@link java.time.format.DateTimeFormatter}-style letters, as logback's {@code %d} takes them. */
    private static String javaDate(String strftime) {
        return strftime.replace("%Y", "yyyy").replace("%m", "MM").replace("%d", "dd").replace("%H", "HH")
                .replace("%M", "mm").replace("%S", "ss").replace("%f", "SSS").replace("%y", "yy")
                .replace("%b", "MMM").replace("%z", "Z");
    }
}
