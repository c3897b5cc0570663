package dev.otai.bench.http;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.testkit.StubClassifier;
import java.util.List;
import java.util.Map;

/**
 * The per-ticket work of the demo pipeline shape, for the sides that have no engine: the same stub classifiers
 * (label by hash, confidence 0.80–0.99) and the same thresholds and note texts as {@code otai-http-bench.yml}.
 */
final class Workload {

    static final String INCOMING = "Incoming";
    static final List<String> QUEUES = List.of("IT", "Billing", "Sales");
    static final List<String> PRIORITIES = List.of("2 low", "3 normal", "4 high");
    static final StubClassifier QUEUE_MODEL = new StubClassifier(QUEUES, Map.of());
    static final StubClassifier PRIORITY_MODEL = new StubClassifier(PRIORITIES, Map.of());

    private Workload() {
    }

    static Classification queue(String text) {
        return QUEUE_MODEL.classify(new ClassificationRequest(text, "", null));
    }

    static Classification priority(String text) {
        return PRIORITY_MODEL.classify(new ClassificationRequest(text, "", null));
    }

    static String finalQueue(Classification c) {
        return c.confidence() >= 0.8 ? c.label() : "Unclassified";
    }

    static String finalPriority(Classification c) {
        return c.confidence() >= 0.95 ? c.label() : "3 normal";
    }

    static String queueNote(Classification c) {
        return "Queue " + c.label() + " with confidence " + c.confidence();
    }

    static String priorityNote(Classification c) {
        return "Priority " + c.label() + " (" + c.confidence() + ")";
    }

    /** Runs one ticket through classify → threshold → update → note, twice, over the wire. */
    static void process(OtoboWire wire, OtoboWire.Fetched ticket) throws Exception {
        Classification q = queue(ticket.text());
        wire.update(ticket.id(), "Queue", finalQueue(q));
        wire.note(ticket.id(), "Queue classification", queueNote(q));
        Classification p = priority(ticket.text());
        wire.update(ticket.id(), "Priority", finalPriority(p));
        wire.note(ticket.id(), "Priority classification", priorityNote(p));
    }
}
