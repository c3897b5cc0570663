package dev.otai.core.config;

/**
 * {@code infrastructure.logging}.
 *
 * @param level         DEBUG, INFO, WARNING (or WARN), ERROR, CRITICAL
 * @param file          a log file, or null for stdout only
 * @param messageFormat a Python logging format string (OTAI's), translated for the logging backend
 * @param dateFormat    a strftime date format
 * @param json          whether to write JSON lines instead of text
 */
public record LoggingSettings(String level, String file, String messageFormat, String dateFormat, boolean json) {

    public static final String DEFAULT_MESSAGE_FORMAT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s";
    public static final String DEFAULT_DATE_FORMAT = "%Y-%m-%d %H:%M:%S";

    public static LoggingSettings defaults() {
        return new LoggingSettings("INFO", null, DEFAULT_MESSAGE_FORMAT, DEFAULT_DATE_FORMAT, false);
    }
}
