package dev.otai.app.redaction;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.otai.core.redaction.Redactor;
import java.util.Arrays;

/** An exception as a log line shows it, with the message of it and of every cause and suppressed one redacted. */
final class RedactedThrowable implements IThrowableProxy {

    private final IThrowableProxy proxy;
    private final Redactor redactor;

    RedactedThrowable(IThrowableProxy proxy, Redactor redactor) {
        this.proxy = proxy;
        this.redactor = redactor;
    }

    @Override
    public String getMessage() {
        return redactor.redact(proxy.getMessage());
    }

    @Override
    public String getOverridingMessage() {
        return redactor.redact(proxy.getOverridingMessage());
    }

    @Override
    public String getClassName() {
        return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return proxy.getCause() == null ? null : new RedactedThrowable(proxy.getCause(), redactor);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        return proxy.getSuppressed() == null ? null
                : Arrays.stream(proxy.getSuppressed()).map(s -> (IThrowableProxy) new RedactedThrowable(s, redactor))
                        .toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
        return proxy.isCyclic();
    }
}
