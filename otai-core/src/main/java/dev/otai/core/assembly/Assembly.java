package dev.otai.core.assembly;

import dev.otai.api.PipeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipe tree and the services it uses. Closing it closes the services, in the reverse order of
 * their creation.
 */
public final class Assembly implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Assembly.class);

    private final PipeNode root;
    private final Map<String, Object> services;

    Assembly(PipeNode root, Map<String, Object> services) {
        this.root = root;
        this.services = Collections.unmodifiableMap(services);
    }

    public PipeNode root() {
        return root;
    }

    /** Service instances by id, in creation order. */
    public Map<String, Object> services() {
        return services;
    }

    @Override
    public void close() {
        List<Map.Entry<String, Object>> reversed = new ArrayList<>(services.entrySet());
        Collections.reverse(reversed);
        closeAll(reversed);
    }

    static void closeAll(List<Map.Entry<String, Object>> services) {
        for (var service : services) {
            if (service.getValue() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("Service '{}' failed to close: {}", service.getKey(), e.toString());
                }
            }
        }
    }
}
