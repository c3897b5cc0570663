package dev.otai.app;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Text from tickets, helpdesks and the store is printed to a terminal, which obeys control sequences: an ESC in a
 * ticket subject could recolour, retitle or rewrite the screen, and bidi overrides make text read differently from
 * what it is. Commands print through {@link #guard}, which writes every such character as a visible
 * {@code \}{@code uXXXX} escape: C0 controls except newline and tab, DEL, C1 controls, and the bidi embedding,
 * override, isolate and mark characters. The notation is JSON's, so JSON printed through it still reads back exactly.
 */
public final class TerminalText {

    private static final boolean CARRIAGE_RETURN_ENDS_LINES = System.lineSeparator().indexOf('\r') >= 0;

    private TerminalText() {
    }

    /** The command's standard output, guarded. */
    static PrintWriter out(CommandSpec spec) {
        return guard(spec.commandLine().getOut());
    }

    /** The command's error output, guarded. */
    static PrintWriter err(CommandSpec spec) {
        return guard(spec.commandLine().getErr());
    }

    /** A writer onto {@code out} that escapes control sequences; closing it flushes {@code out} and leaves it open. */
    static PrintWriter guard(PrintWriter out) {
        return out instanceof Guarded ? out : new Guarded(new Escaping(out));
    }

    /** {@code text} with every unsafe character escaped (newlines and tabs kept): for log lines. */
    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !unsafe(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        var safe = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                escape(c, safe);
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    /** {@code text} on one line: also newlines and tabs escaped, for table cells. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        var line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r' || unsafe(c)) {
                escape(c, line);
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }

    static boolean unsafe(char c) {
        if (c < 0x20) {
            return c != '\n' && c != '\t' && !(c == '\r' && CARRIAGE_RETURN_ENDS_LINES);
        }
        return c >= 0x7F && c <= 0x9F                 // DEL and C1 controls (0x9B is a one-byte CSI)
                || c == 0x061C                          // Arabic letter mark
                || c == 0x200E || c == 0x200F           // left-to-right and right-to-left marks
                || c >= 0x202A && c <= 0x202E           // bidi embeddings and overrides
                || c >= 0x2066 && c <= 0x2069;          // bidi isolates
    }

    private static void escape(char c, StringBuilder into) {
        into.append(String.format("\\u%04x", (int) c));
    }

    private static final class Guarded extends PrintWriter {
        Guarded(Writer escaping) {
            super(escaping, true);
        }
    }

    private static final class Escaping extends Writer {
        private final PrintWriter out;

        Escaping(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            var safe = new StringBuilder(length);
            for (int i = offset; i < offset + length; i++) {
                if (unsafe(chars[i])) {
                    escape(chars[i], safe);
                } else {
                    safe.append(chars[i]);
                }
            }
            out.write(safe.toString());
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
