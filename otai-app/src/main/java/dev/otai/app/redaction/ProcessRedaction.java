package dev.otai.app.redaction;

import dev.otai.core.redaction.Redactor;

/**
 * The redactor of this process, for the outputs that are process-wide by nature: the log pipeline (logback
 * appenders are created by logback itself, from {@code logback.xml}, before any config is read) and the
 * standard output and error of the CLI.
 *
 * <p>This is the one piece of static mutable state in otai, on purpose: logging is process-global anyway. The
 * composition root {@linkplain #install installs} the redactor it hands to the engine, once per command, before
 * the engine starts; until then an empty redactor is in place, which changes nothing.
 */
public final class ProcessRedaction {

    private static volatile Redactor current = new Redactor();

    private ProcessRedaction() {
    }

    /** Makes {@code redactor} the one that every log line and every line of command output passes. */
    public static void install(Redactor redactor) {
        current = redactor;
    }

    public static Redactor current() {
        return current;
    }
}
