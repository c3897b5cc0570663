package dev.otai.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the otai command line in this JVM, as a user would type it, and keeps what it printed. */
final class Cli {

    /** The exit code and what the command printed. */
    record Outcome(int code, String out, String err) {
    }

    private Cli() {
    }

    static Outcome run(String... args) {
        CommandLine cli = Main.commandLine();
        var out = new StringWriter();
        var err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
