package dev.otai.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging as {@code otai run} sets it up for a config with the default format (date, logger, level, message,
 * runner and run id from the MDC), written to a file, {@code /dev/null} by default, so that formatting and the
 * write call are paid as in production while the terminal shows only the results.
 */
final class BenchLogging {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss} - %logger{30} - %level - %msg"
            + "%replace( [%X{runner} %X{run_id}]){' \\[ \\]', ''}%n";

    private BenchLogging() {
    }

    static void apply(String level, String file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        Level parsed = "WARNING".equalsIgnoreCase(level) ? Level.WARN : Level.toLevel(level, Level.INFO);
        root.setLevel(parsed);
        context.getLogger("dev.otai").setLevel(parsed);
        for (String quiet : new String[] {"org.eclipse.jetty", "io.javalin", "com.hubspot.jinjava"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        var appender = new FileAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setFile(file);
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }
}
