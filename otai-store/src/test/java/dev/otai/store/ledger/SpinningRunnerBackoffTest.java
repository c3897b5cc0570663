package dev.otai.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.store.StoreFixture;
import dev.otai.store.tickets.LocalTicketSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A runner whose pipeline notes tickets without moving them out of its fetch: after the first run every write is
 * skipped as already applied, and the same tickets come back at every fire. The runner warns, reports it, and
 * backs off instead of spinning; a run that writes again ends the back-off.
 */
class SpinningRunnerBackoffTest {

    private static final String CONFIG = """
            open_ticket_ai:
              services:
                desk:
                  use: "local:LocalTicketSystem"
                  params: { seed: "%s" }
              orchestrator:
                runners:
                  - id: noter
                    on: { id: every_minute, use: "base:IntervalTrigger", params: { minutes: 1 } }
                    run:
                      id: pipeline
                      use: "base:CompositePipe"
                      params:
                        steps:
                          - id: fetch
                            use: "base:FetchTicketsPipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_search_criteria: { queue: { name: "Support" }, limit: 10 }
                          - id: each
                            use: "base:ForEachPipe"
                            params:
                              items: "{{ get_pipe_result('fetch','fetched_tickets') }}"
                              steps:
                                - id: note
                                  use: "base:AddNotePipe"
                                  injects: { ticket_system: desk }
                                  params:
                                    ticket_id: "{{ item.id }}"
                                    note: { subject: "Triage", body: "Seen by triage" }
            """;

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private String config;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger runtimeLog = (Logger) LoggerFactory.getLogger("dev.otai.core.orchestration.RunnerRuntime");

    @BeforeEach
    void open() throws Exception {
        fixture = new StoreFixture(dir);
        Path seed = dir.resolve("tickets.jsonl");
        Files.writeString(seed, """
                {"id": "1", "subject": "Cannot log in", "body": "since today", "queue": "Support", "priority": "3 normal"}
                {"id": "2", "subject": "Printer jam", "body": "again", "queue": "Support", "priority": "3 normal"}
                {"id": "3", "subject": "VPN down", "body": "home office", "queue": "Later", "priority": "3 normal"}
                """);
        config = CONFIG.formatted(seed.toString().replace("\\", "/"));
        logs.start();
        runtimeLog.addAppender(logs);
    }

    @AfterEach
    void close() {
        runtimeLog.detachAppender(logs);
        fixture.close();
    }

    @Test
    void a_runner_whose_writes_are_all_already_applied_warns_and_backs_off_exponentially_until_a_run_writes_again()
            throws Exception {
        Instant start = fixture.clock.instant();
        try (var running = fixture.start(config, Map.of(), false, events::add)) {
            Orchestrator orchestrator = running.engine().orchestrator();
            orchestrator.start();
            try {
                for (int minute = 1; minute <= 16; minute++) {
                    tick(orchestrator);
                }
                assertThat(runMinutes(start)).as("runs at 1 (writes), 2 (spins), then after rests of 1, 2, 4 and 8 min")
                        .containsExactly(1L, 2L, 3L, 5L, 9L);
                assertThat(spins()).extracting(EngineEvent.RunSpinning::backOff).containsExactly(
                        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8));
                assertThat(spins()).allSatisfy(spin -> {
                    assertThat(spin.ticketsFetched()).isEqualTo(2);
                    assertThat(spin.writesSkipped()).isEqualTo(2);
                });
                assertThat(warnings()).hasSize(4).first().asString().matches("Run \\w{8} of runner 'noter' fetched 2 tickets "
                        + "and wrote nothing: all 2 of its writes were already applied by the effect ledger's record, yet the "
                        + "tickets still match its fetch\\. The runner backs off for 1m .*");

                new LocalTicketSystem(fixture.store).update("3", new TicketUpdate(null, Entity.named("Support"), null,
                        null, null, null, null, null, null, null));
                tick(orchestrator); // 17: the rest after 9 is over; ticket 3 gets its note
                tick(orchestrator); // 18: spins again, and rests as after a first spin
            } finally {
                running.engine().lifecycle().requestStop();
                orchestrator.stop();
            }
        }

        assertThat(runMinutes(start)).containsExactly(1L, 2L, 3L, 5L, 9L, 17L, 18L);
        assertThat(spins()).extracting(EngineEvent.RunSpinning::backOff).last().isEqualTo(Duration.ofMinutes(1));
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.INFO).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).matches("Runner 'noter' is back to its schedule: run \\w{8} wrote to its tickets"));
        var desk = new LocalTicketSystem(fixture.store);
        for (String id : List.of("1", "2", "3")) {
            assertThat(desk.get(id).orElseThrow().notes()).as("ticket %s", id).extracting(Note::body)
                    .containsExactly("Seen by triage");
        }
    }

    private void tick(Orchestrator orchestrator) throws InterruptedException {
        orchestrator.tick(fixture.clock.advance(Duration.ofMinutes(1)));
        assertThat(orchestrator.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private List<Long> runMinutes(Instant start) {
        return events.stream().filter(EngineEvent.RunStarted.class::isInstance).map(EngineEvent.RunStarted.class::cast)
                .map(e -> Duration.between(start, e.at()).toMinutes()).toList();
    }

    private List<EngineEvent.RunSpinning> spins() {
        return events.stream().filter(EngineEvent.RunSpinning.class::isInstance).map(EngineEvent.RunSpinning.class::cast).toList();
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
