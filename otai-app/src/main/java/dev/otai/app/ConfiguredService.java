package dev.otai.app;

import dev.otai.api.ticket.TicketSystem;
import dev.otai.core.config.Similarity;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.store.Store;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A ticket-system service of the config, for the commands that read tickets or corrections from a helpdesk: the
 * config checked, the engine's services assembled (no runner is started), the store of the config open beside
 * them. Closing it closes both.
 */
final class ConfiguredService implements AutoCloseable {

    private final Store store;
    private final Engine engine;
    private final TicketSystem tickets;

    private ConfiguredService(Store store, Engine engine, TicketSystem tickets) {
        this.store = store;
        this.engine = engine;
        this.tickets = tickets;
    }

    /**
     * Opens service {@code id} of the config; throws {@link IllegalArgumentException} when the config has problems,
     * has no service of that id (with the closest id) or the service is not a ticket system.
     */
    static ConfiguredService open(Composition composition, StoreOption storeOption, String id) throws Exception {
        Path file = composition.configFile(storeOption.config);
        ConfigCheck.Result result = composition.check(file);
        if (!result.valid()) {
            throw new IllegalArgumentException("config " + file + " has problems:\n" + String.join("\n",
                    result.problems().stream().map(Object::toString).toList()));
        }
        var blueprint = result.blueprint().orElseThrow();
        Store store = composition.openStore(storeOption.resolved(blueprint.config().storage()));
        Engine engine = null;
        try {
            engine = Engine.start(blueprint, composition.templates, InstantSource.system(), new Lifecycle(),
                    EngineListener.NONE, composition.facilities().add(Store.class, store));
            TicketSystem tickets = ticketSystem(engine.assembly().services(), id, file);
            return new ConfiguredService(store, engine, tickets);
        } catch (Exception | Error e) {
            if (engine != null) {
                engine.close();
            }
            store.close();
            throw e;
        }
    }

    private static TicketSystem ticketSystem(Map<String, Object> services, String id, Path file) {
        Object service = services.get(id);
        if (service instanceof TicketSystem tickets) {
            return tickets;
        }
        List<String> systems = services.entrySet().stream().filter(e -> e.getValue() instanceof TicketSystem)
                .map(Map.Entry::getKey).sorted().toList();
        String expected = "expected the id of a ticket system service of " + file + " (its ticket systems: "
                + (systems.isEmpty() ? "none" : String.join(", ", systems)) + ")";
        if (service == null) {
            String hint = Similarity.closest(id, new TreeSet<>(services.keySet()))
                    .map(near -> "; did you mean '" + near + "'?").orElse("");
            throw new IllegalArgumentException("--from-service was '" + id + "', which is not a service of the config; "
                    + expected + hint);
        }
        throw new IllegalArgumentException("--from-service was '" + id + "', a " + service.getClass().getSimpleName()
                + ", which is not a ticket system; " + expected);
    }

    Store store() {
        return store;
    }

    TicketSystem tickets() {
        return tickets;
    }

    @Override
    public void close() throws Exception {
        try {
            engine.close();
        } finally {
            store.close();
        }
    }
}
