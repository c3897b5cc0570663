package dev.otai.core.assembly;

import dev.otai.api.PipeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipe tree and the services it owns. Closing it closes the services, in the reverse order of their
 * creation. A reload hands unchanged services from the running assembly to the next one ({@link #handOver}), so
 * that they are created once and closed once.
 */
public final class Assembly implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Assembly.class);

    /** A service instance as created (closed by its owner) and as injected (perhaps decorated). */
    public record Held(Object instance, Object injected) {
    }

    private final PipeNode root;
    private final Map<String, Held> owned;

    Assembly(PipeNode root, Map<String, Held> owned) {
        this.root = root;
        this.owned = new LinkedHashMap<>(owned);
    }

    public PipeNode root() {
        return root;
    }

    /** Service instances by id, in creation order. */
    public synchronized Map<String, Object> services() {
        var instances = new LinkedHashMap<String, Object>();
        owned.forEach((id, held) -> instances.put(id, held.instance()));
        return Collections.unmodifiableMap(instances);
    }

    /** The services {@code ids} as this assembly holds them, for the next assembly to use instead of creating them. */
    public synchronized Map<String, Held> held(Set<String> ids) {
        var held = new LinkedHashMap<String, Held>();
        owned.forEach((id, service) -> {
            if (ids.contains(id)) {
                held.put(id, service);
            }
        });
        return held;
    }

    /**
     * Gives the services {@code ids} to {@code next}, which then closes them; this assembly no longer does. They
     * keep their place before the services {@code next} created, so they are still closed after them.
     */
    public void handOver(Set<String> ids, Assembly next) {
        Map<String, Held> given;
        synchronized (this) {
            given = held(ids);
            given.keySet().forEach(owned::remove);
        }
        synchronized (next) {
            var reordered = new LinkedHashMap<>(given);
            next.owned.forEach(reordered::putIfAbsent);
            next.owned.clear();
            next.owned.putAll(reordered);
        }
    }

    @Override
    public void close() {
        List<Map.Entry<String, Object>> reversed;
        synchronized (this) {
            reversed = new ArrayList<>(services().entrySet());
            owned.clear();
        }
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
