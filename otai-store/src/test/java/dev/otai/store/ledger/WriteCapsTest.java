package dev.otai.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.StoreFixture;
import dev.otai.store.tickets.LocalTicketSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@ParameterizedClass
@EnumSource(StoreFixture.Kind.class)
class WriteCapsTest {

    @Parameter
    StoreFixture.Kind kind;


    @TempDir
    Path dir;

    private StoreFixture fixture;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger ledgerLog = (Logger) LoggerFactory.getLogger(LedgerTicketSystem.class);

    @AfterEach
    void close() {
        ledgerLog.detachAppender(logs);
        if (fixture != null) {
            fixture.close();
        }
    }

    private String config(int maxWritesPerRun, int maxWritesPerTicket) throws Exception {
        Path seed = dir.resolve("tickets.jsonl");
        Files.writeString(seed, "{\"id\": \"42\", \"subject\": \"Cannot log in\", \"body\": \"since today\", \"queue\": \"Support\", \"priority\": \"3 normal\"}\n");
        var defaults = StorageSettings.defaults();
        fixture = new StoreFixture(kind.place(new StorageSettings(dir.resolve("data"), defaults.maxAge(), defaults.maxRuns(),
                defaults.maxValueChars(), defaults.maxStepsPerRun(),
                new StorageSettings.LedgerSettings(true, maxWritesPerRun, maxWritesPerTicket, Duration.ofHours(1), Set.of()))));
        return EffectLedgerTest.CONFIG.formatted(seed.toString().replace("\\", "/"));
    }

    @Test
    void reaching_the_per_run_cap_warns_once_with_the_setting_name() throws Exception {
        String config = config(1, 100);
        logs.start();
        ledgerLog.addAppender(logs);

        try (var running = fixture.start(config, Map.of(), false)) {
            var outcome = running.engine().runOnce().getFirst();
            assertThat(outcome.result().failed()).isTrue();
        }

        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString()
                .contains("infrastructure.storage.ledger.max_writes_per_run (1 writes)")
                .contains("raise the setting");
    }

    @Test
    void per_ticket_cap_counts_the_writes_of_earlier_runs() throws Exception {
        String config = config(100, 3);
        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce(); // writes 1 and 2
            new LocalTicketSystem(fixture.store).update("42", new TicketUpdate(null, null,
                    Entity.named("2 low"), null, null, null, null, null, null, null));
            var outcome = running.engine().runOnce().getFirst(); // write 3, then the note is refused

            assertThat(outcome.result().failed()).isTrue();
            assertThat(outcome.result().message()).contains("max_writes_per_ticket");
        }

        var ticket = new LocalTicketSystem(fixture.store).get("42").orElseThrow();
        assertThat(ticket.priority().name()).isEqualTo("4 high");
        assertThat(ticket.notes()).extracting(Note::body).containsExactly("Priority raised to 4 high");
    }
}
