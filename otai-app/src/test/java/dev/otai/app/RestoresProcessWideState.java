package dev.otai.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.otai.app.redaction.ProcessRedaction;
import dev.otai.core.redaction.Redactor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Commands run in the test JVM set up what is process-wide by nature: the logging configuration
 * ({@code infrastructure.logging}) and the process redactor. This extension puts both back after every test of
 * this module, so that no test's log file, level or secrets reach the next test. (Signal handlers need nothing
 * here: an engine session puts back the ones it found.)
 *
 * <p>Registered for every test class of the module through {@code META-INF/services} and
 * {@code junit.jupiter.extensions.autodetection.enabled} in {@code junit-platform.properties}.
 */
public final class RestoresProcessWideState implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RestoresProcessWideState.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Redactor.class, ProcessRedaction.current());
    }

    @Override
    public void afterEach(ExtensionContext context) throws JoranException {
        Redactor before = context.getStore(NAMESPACE).remove(Redactor.class, Redactor.class);
        ProcessRedaction.install(before == null ? new Redactor() : before);
        var logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset(); // stops and closes whatever a test attached: log files, list appenders
        new ContextInitializer(logging).autoConfig(); // logback-test.xml again
    }
}
