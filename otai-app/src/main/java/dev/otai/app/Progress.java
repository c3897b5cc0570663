package dev.otai.app;

import java.io.Console;
import java.io.PrintWriter;

/**
 * Progress of long work: a bar redrawn in place on a terminal, plain lines (at most one per tenth) otherwise,
 * so logs and pipes stay readable.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final boolean terminal;
    private int lastTenth = -1;

    Progress(PrintWriter out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    /**
     * A progress display for the console: a bar when standard output is a terminal, else lines on {@code out}.
     * The bar is drawn straight onto the terminal: it redraws with a carriage return, which the command's guarded
     * output ({@link TerminalText}) would print as an escape, and it holds nothing but the label and two counts.
     */
    static Progress on(PrintWriter out, String label) {
        Console console = isTerminal() ? System.console() : null;
        if (console != null) {
            out.flush();
            return new Progress(console.writer(), label, true);
        }
        return new Progress(out, label, false);
    }

    /** Whether standard output is a terminal; {@code Console.isTerminal()} exists from Java 22, so it is looked up. */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void update(int done, int total) {
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
            if (done >= total) {
                out.println();
            }
        } else {
            int tenth = total == 0 ? 10 : (int) ((long) done * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(label + ": " + done + "/" + total);
            }
        }
        out.flush();
    }
}
