package dev.otai.zammad;

import dev.otai.core.EngineFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.engine.Engine;
import dev.otai.support.retry.Sleeper;
import dev.otai.testkit.StubClassifier;
import dev.otai.testkit.http.Fault;
import dev.otai.testkit.zammad.FakeZammad;
import dev.otai.testkit.zammad.ZammadArticle;
import dev.otai.testkit.zammad.ZammadTicket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole configs run by the engine against the fake Zammad over loopback HTTP. */
class ZammadScenarioTest {

    /** Retries in these tests do not wait. */
    private static Facilities.Builder noWaiting() {
        return Facilities.builder().add(Sleeper.class, Sleeper.NONE);
    }

    private final FakeZammad fake = new FakeZammad().group("OpenTicketAI::IT").group("OpenTicketAI::Billing")
            .group("IT").group("Billing").group("Sales");
    private final Map<String, String> env = Map.of("ZAMMAD_URL", fake.baseUrl(), "ZAMMAD_TOKEN", FakeZammad.TOKEN);

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void otai_demo_pipeline_routes_every_ticket_and_leaves_two_internal_notes() {
        var queues = new StubClassifier(List.of("OpenTicketAI::IT", "OpenTicketAI::Billing"),
                Map.of("printer", "OpenTicketAI::IT", "invoice", "OpenTicketAI::Billing"));
        var priorities = new StubClassifier(List.of("1 low", "2 normal", "3 high"), Map.of("urgent", "3 high"));
        List<Long> ids = List.of(
                fake.addTicket("Printer on floor 3 broken", "The printer jams, urgent please", "OpenTicketAI::Incoming"),
                fake.addTicket("Invoice question", "Invoice 42 wrong", "OpenTicketAI::Incoming"),
                fake.addTicket("Laptop", "Screen flickers", "OpenTicketAI::Incoming"));

        try (Engine engine = EngineFixture.start(EngineFixture.resource("configs/otai-demo-zammad.yml"), env, noWaiting())) {
            for (int run = 0; run < 3; run++) {
                PipeResult result = engine.runOnce().getFirst().result();
                assertThat(result.succeeded()).as(result.message()).isTrue();
            }
            assertThat(engine.runOnce().getFirst().result().message()).contains("step 'fail_no_tickets' failed");
        }

        for (long id : ids) {
            ZammadTicket t = fake.ticket(id);
            String text = t.title() + " " + t.articles().getFirst().body();
            var priority = priorities.classify(new ClassificationRequest(text, "", null));
            assertThat(t.group()).isEqualTo(queues.classify(new ClassificationRequest(text, "", null)).label());
            assertThat(t.priority()).isEqualTo(priority.confidence() >= 0.95 ? priority.label() : "2 normal");
            assertThat(t.addedArticles()).extracting(ZammadArticle::subject)
                    .containsExactly("Queue classification", "Priority classification");
            assertThat(t.addedArticles()).allMatch(ZammadArticle::internal);
        }
    }

    @Test
    void for_each_over_200_tickets_with_parallelism_8_survives_faults_without_duplicate_notes() {
        List<Long> ids = LongStream.range(0, 200).mapToObj(i -> fake.addTicket("Ticket " + i, "Body " + i, "Incoming")).toList();
        // drawn at random (seeded): periodic faults can fall into step with parallel callers' retries
        fake.faults().randomly(7, 1.0 / 7, Fault.status(500)).randomly(11, 1.0 / 11, Fault.tooManyRequests(Duration.ofSeconds(1)))
                .every(17, Fault.afterApply(Fault.drop()));

        PipeResult result;
        try (Engine engine = EngineFixture.start(EngineFixture.resource("configs/for-each-routing.yml"), env, noWaiting())) {
            result = engine.runOnce().getFirst().result();
        }

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.data()).containsEntry("succeeded", 200);
        var model = new StubClassifier(List.of("IT", "Billing", "Sales"), Map.of());
        for (long id : ids) {
            ZammadTicket t = fake.ticket(id);
            String text = t.title() + " " + t.articles().getFirst().body();
            assertThat(t.group()).isEqualTo(model.classify(new ClassificationRequest(text, "", null)).label());
            assertThat(t.addedArticles()).as("notes of ticket %s", id).singleElement()
                    .satisfies(note -> assertThat(note.internal()).isTrue());
        }
    }

    @Test
    void the_example_config_routes_and_tags_the_inbox_against_the_fake() throws Exception {
        long quote = fake.addTicket("Quote please", "for 10 laptops", "Incoming");
        long other = fake.addTicket("Hello", "Question", "Incoming");
        String yaml = Files.readString(Path.of("../examples/zammad/config.yml"));

        try (Engine engine = EngineFixture.start(yaml, Map.of("ZAMMAD_URL", fake.baseUrl(), "ZAMMAD_TOKEN", FakeZammad.TOKEN), noWaiting())) {
            PipeResult result = engine.runOnce().getFirst().result();
            assertThat(result.succeeded()).as(result.message()).isTrue();
        }

        assertThat(fake.ticket(quote).group()).isEqualTo("Sales");
        assertThat(fake.ticket(other).group()).isEqualTo("Users");
        assertThat(fake.ticket(other).tags()).containsExactly("otai-routed");
        assertThat(fake.ticket(quote).addedArticles()).singleElement().satisfies(n -> assertThat(n.internal()).isTrue());
    }
}
