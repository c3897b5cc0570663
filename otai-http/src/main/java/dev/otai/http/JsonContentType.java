package dev.otai.http;

import java.util.Locale;

/**
 * The one body type hooks take: {@code application/json}, optionally with {@code charset=utf-8}. A web page can
 * send a cross-site POST without a preflight only as a form or text, so insisting on JSON keeps a browser on the
 * same machine or network from firing triggers.
 */
final class JsonContentType {

    private JsonContentType() {
    }

    /** Whether a {@code Content-Type} header (null when absent) names JSON in UTF-8. */
    static boolean accepts(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.isEmpty()) {
                continue;
            }
            if (!param.startsWith("charset=")) {
                return false;
            }
            String charset = param.substring("charset=".length()).replace("\"", "").strip();
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                return false;
            }
        }
        return true;
    }
}
