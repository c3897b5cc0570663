package dev.otai.app.redaction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import dev.otai.app.TerminalText;
import dev.otai.core.redaction.Redactor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A log event as it may be written: the formatted message redacted, its terminal control characters escaped
 * ({@link TerminalText}), and served as the message itself (so no encoder can print the raw arguments);
 * key-value pairs and MDC values redacted, the exception chain wrapped.
 */
final class RedactedEvent implements ILoggingEvent {

    private final ILoggingEvent event;
    private final String message;
    private final IThrowableProxy throwable;
    private final Map<String, String> mdc;
    private final List<KeyValuePair> keyValuePairs;

    RedactedEvent(ILoggingEvent event, Redactor redactor) {
        this.event = event;
        this.message = TerminalText.escaped(redactor.redact(event.getFormattedMessage()));
        this.throwable = event.getThrowableProxy() == null ? null : new RedactedThrowable(event.getThrowableProxy(), redactor);
        var values = new LinkedHashMap<String, String>();
        event.getMDCPropertyMap().forEach((key, value) -> values.put(key, redactor.redact(value)));
        this.mdc = values;
        this.keyValuePairs = event.getKeyValuePairs() == null ? null : event.getKeyValuePairs().stream()
                .map(pair -> new KeyValuePair(pair.key, redactor.redact((Object) String.valueOf(pair.value))))
                .toList();
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public Object[] getArgumentArray() {
        return null;
    }

    @Override
    public String getFormattedMessage() {
        return message;
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return throwable;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return mdc;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return mdc;
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return keyValuePairs;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Marker getMarker() {
        return event.getMarker();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }
}
