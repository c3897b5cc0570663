package dev.otai.app.redaction;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Command output with every secret of the {@linkplain ProcessRedaction process redactor} cut out. Text is held
 * until a line ends (a secret split over two {@code print} calls is still seen whole) or the writer is flushed.
 */
public final class RedactingWriter extends Writer {

    private final Writer target;
    private final StringBuilder line = new StringBuilder();

    private RedactingWriter(Writer target) {
        this.target = target;
    }

    /** {@code out} behind a redacting writer; an already redacting one is returned as is. */
    public static PrintWriter wrap(PrintWriter out) {
        return out instanceof Redacting ? out : new Redacting(new RedactingWriter(out));
    }

    /** The type that marks a print writer as redacting, so it is never wrapped twice. */
    private static final class Redacting extends PrintWriter {
        Redacting(Writer writer) {
            super(writer, true);
        }
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            line.append(chars[i]);
            if (chars[i] == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        if (!line.isEmpty()) {
            target.write(ProcessRedaction.current().redact(line.toString()));
            line.setLength(0);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }
}
