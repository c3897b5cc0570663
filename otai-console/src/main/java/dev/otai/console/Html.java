package dev.otai.console;

/**
 * A page being written. Markup goes in through {@link #add}, which takes only the console's own constant markup;
 * every value goes in through {@link #text}, which escapes it for HTML text and attribute values alike and shows
 * control characters and bidi overrides as visible {@code \\uXXXX}, so ticket text from strangers can neither add
 * markup nor hide or reorder what is around it.
 */
public final class Html {

    private final StringBuilder out = new StringBuilder(8192);

    /** Appends the console's own markup. Never pass a value that came from a ticket, the store or a request. */
    public Html add(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends a value, escaped. Null is written as nothing. */
    public Html text(Object value) {
        if (value != null) {
            escape(value.toString(), out);
        }
        return this;
    }

    /** {@code <tag>value</tag>} with the value escaped. */
    public Html element(String tag, Object value) {
        return add("<" + tag + ">").text(value).add("</" + tag.split(" ", 2)[0] + ">");
    }

    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        escape(text, out);
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(c);
                default -> {
                    if (hidden(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Control characters, bidi embeddings, overrides and isolates, and invisible marks. */
    private static boolean hidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
