package dev.otai.app.redaction;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.util.Iterator;

/**
 * Wraps the appenders that write log lines (console, file, whatever encoder they use) and hands them each event
 * with its message, arguments, key-value pairs, MDC values and exception text passed through the
 * {@linkplain ProcessRedaction process redactor}. In {@code logback.xml}:
 *
 * <pre>{@code
 * <appender name="REDACT" class="dev.otai.app.redaction.RedactingAppender">
 *   <appender-ref ref="STDERR"/>
 * </appender>
 * <root level="INFO"><appender-ref ref="REDACT"/></root>
 * }</pre>
 *
 * Every appender otai itself configures from {@code infrastructure.logging} sits behind one.
 */
public final class RedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();

    @Override
    protected void append(ILoggingEvent event) {
        appenders.appendLoopOnAppenders(new RedactedEvent(event, ProcessRedaction.current()));
    }

    @Override
    public void stop() {
        super.stop();
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return appenders.detachAppender(name);
    }
}
