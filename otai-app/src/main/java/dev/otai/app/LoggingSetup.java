package dev.otai.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.otai.app.redaction.RedactingAppender;
import dev.otai.core.config.LoggingSettings;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code infrastructure.logging}: level, optional file, and OTAI's Python logging format translated to a
 * logback pattern (or JSON lines). Logs go to standard error, so standard output stays for command results.
 * Console and file appender sit behind one {@link RedactingAppender}, so no secret reaches either.
 */
final class LoggingSetup {

    private LoggingSetup() {
    }

    static void apply(LoggingSettings settings) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(level(settings.level()));
        context.getLogger("dev.otai").setLevel(level(settings.level()));
        context.getLogger("ai.djl").setLevel(Level.ERROR); // its GPU probe warns on every machine without CUDA
        var redacting = new RedactingAppender();
        redacting.setContext(context);
        redacting.setName("REDACT");
        var console = new ConsoleAppender<ILoggingEvent>();
        console.setTarget("System.err");
        attach(context, redacting, console, settings);
        if (settings.file() != null) {
            var file = new FileAppender<ILoggingEvent>();
            file.setFile(settings.file());
            file.setAppend(true);
            attach(context, redacting, file, settings);
        }
        redacting.start();
        root.addAppender(redacting);
    }

    private static void attach(LoggerContext context, RedactingAppender redacting,
                               OutputStreamAppender<ILoggingEvent> appender, LoggingSettings settings) {
        appender.setContext(context);
        appender.setEncoder(encoder(context, settings));
        appender.start();
        redacting.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LoggingSettings settings) {
        if (settings.json()) {
            var json = new JsonEncoder();
            json.setContext(context);
            json.start();
            return json;
        }
        var pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern(pattern(settings));
        pattern.start();
        return pattern;
    }

    /** Translates OTAI's Python format and strftime date format into a logback pattern. */
    static String pattern(LoggingSettings settings) {
        String pattern = PythonLogFormat.pattern(settings.messageFormat(), settings.dateFormat());
        boolean defaultFormat = settings.messageFormat().equals(LoggingSettings.DEFAULT_MESSAGE_FORMAT);
        String mdc = defaultFormat ? "%replace( [%X{runner} %X{run_id}]){' \\[ \\]', ''}" : "";
        return pattern + mdc + "%n";
    }

    private static Level level(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "WARNING" -> Level.WARN;
            case "CRITICAL" -> Level.ERROR;
            default -> Level.toLevel(name, Level.INFO);
        };
    }
}
