package dev.otai.bench;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.testkit.InMemoryTicketSystem;
import dev.otai.testkit.StubClassifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The floor under the engine: the same calls on the same fakes (1 find, 2 classifications, 2 updates, 2 notes
 * per ticket, the same texts), made by plain Java with no engine. Engine overhead = engine − floor.
 */
final class FakeFloor {

    private static final StubClassifier QUEUES = new StubClassifier(List.of("OpenTicketAI::IT", "OpenTicketAI::Billing"),
            Map.of("printer", "OpenTicketAI::IT", "invoice", "OpenTicketAI::Billing"));
    private static final StubClassifier PRIORITIES = new StubClassifier(List.of("2 low", "3 normal", "4 high"),
            Map.of("urgent", "5 very high"));

    private FakeFloor() {
    }

    static PipelineBatch.Outcome run(int firstId, int count) {
        var system = new InMemoryTicketSystem();
        List<String> ids = DemoTickets.seed(system, firstId, count);
        long cpu = Cpu.processNanos();
        long wall = System.nanoTime();
        for (int i = 0; i < count; i++) {
            handle(system);
        }
        cpu = Cpu.processNanos() - cpu;
        wall = System.nanoTime() - wall;
        return new PipelineBatch.Outcome(cpu, wall, count, DemoTickets.verify(system, ids));
    }

    private static void handle(InMemoryTicketSystem system) {
        List<Ticket> found = system.find(TicketQuery.inQueue(DemoTickets.INCOMING, 1));
        Map<String, Object> ticket = found.getFirst().toMap();
        String id = String.valueOf(ticket.get("id"));
        String text = ticket.get("subject") + " " + ticket.get("body");
        Classification queue = QUEUES.classify(new ClassificationRequest(text, "softoft/otai-queue-de-bert-v1", null));
        String queueName = queue.confidence() >= 0.8 ? queue.label() : "OpenTicketAI::Unclassified";
        system.update(id, update(Entity.named(queueName), null));
        system.addNote(id, Note.internal("Queue classification", String.format(Locale.ROOT,
                "Queue %s with confidence %.2f%%", queue.label(), queue.confidence() * 100)));
        Classification priority = PRIORITIES.classify(new ClassificationRequest(text, "softoft/otai-priority-de-bert-v1", null));
        String priorityName = priority.confidence() >= 0.95 ? priority.label() : "3 normal";
        system.update(id, update(null, Entity.named(priorityName)));
        system.addNote(id, Note.internal("Priority classification", String.format(Locale.ROOT,
                "Priority %s (%.2f)", priority.label(), priority.confidence())));
    }

    private static TicketUpdate update(Entity queue, Entity priority) {
        return new TicketUpdate(null, queue, priority, null, null, null, null, null, null, null);
    }
}
