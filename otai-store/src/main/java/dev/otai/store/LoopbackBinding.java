package dev.otai.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.h2.engine.SysProperties;

/**
 * Keeps H2's auto-server port (the one through which the CLI reads the store while an engine holds it) on the
 * loopback interface. H2 binds it to every interface unless the system property {@value #PROPERTY} names an
 * address, and reads that property once, when its settings class loads; so it is set before the first
 * embedded store opens, and opening is refused if H2 was set up otherwise.
 */
final class LoopbackBinding {

    static final String PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private LoopbackBinding() {
    }

    /** Makes sure H2 listens on loopback only; throws {@link StoreException} naming the address it would use. */
    static void ensure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, LOOPBACK);
        }
        String bound = SysProperties.BIND_ADDRESS;
        if (bound == null) {
            throw new StoreException("the embedded store's server port would listen on every network interface (H2 "
                    + "started before otai could set -D" + PROPERTY + "); expected " + LOOPBACK + ": start the JVM with -D"
                    + PROPERTY + "=" + LOOPBACK);
        }
        if (!isLoopback(bound)) {
            throw new StoreException("the embedded store's server port would listen on " + bound + " (-D" + PROPERTY + "="
                    + bound + "); expected a loopback address: remove -D" + PROPERTY + " or set it to " + LOOPBACK);
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
