package dev.otai.store.tickets;

import dev.otai.api.Param;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import dev.otai.api.ticket.TicketSystem;
import dev.otai.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code local} plugin: {@code local:LocalTicketSystem}, a ticket system in the engine's embedded store. */
public final class LocalPlugin implements Plugin {

    private static final Logger log = LoggerFactory.getLogger(LocalPlugin.class);

    private static final Param<String> SEED = Param.string("seed")
            .describedAs("a .jsonl or .csv ticket file imported when the store holds no tickets");
    private static final Param<String> SEED_QUEUE = Param.string("seed_queue").describedAs("put seeded tickets into this "
            + "queue, keeping their own queue and priority as the fields label_queue and label_priority");

    static final ServiceType TICKET_SYSTEM = ServiceType.of("LocalTicketSystem",
            "A complete ticket system in the embedded store (data directory); works offline, for rehearsals and demos.",
            TicketSystem.class,
            List.of(SEED, SEED_QUEUE),
            LocalPlugin::create);

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<ServiceType> services() {
        return List.of(TICKET_SYSTEM);
    }

    private static TicketSystem create(ServiceSetup setup) throws Exception {
        var tickets = new LocalTicketSystem(setup.facility(Store.class));
        String seed = setup.params().find(SEED).orElse(null);
        if (seed != null) {
            Path file = Path.of(seed);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("param '" + SEED.name() + "' was \"" + seed + "\"; expected a .jsonl or .csv ticket file (looked at "
                        + file.toAbsolutePath() + ")");
            }
            String queue = setup.params().find(SEED_QUEUE).orElse(null);
            int seeded = TicketImport.seedIfEmpty(file, tickets, queue);
            if (seeded > 0) {
                log.info("Service '{}' seeded {} tickets from {}{}", setup.id(), seeded, file, queue == null ? "" : " into queue '" + queue + "'");
            }
        }
        return tickets;
    }
}
