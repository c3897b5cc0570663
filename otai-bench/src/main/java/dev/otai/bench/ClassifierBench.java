package dev.otai.bench;

import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.onnx.TextTokenizer;
import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.Split;
import dev.otai.ml.train.TicketData;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench/run.sh classifiers}: latency and throughput of each classifier service on the held-back sample
 * tickets (every fifth; the rest trains or picks examples). Check first: accuracy on the held-back split at or
 * above the service's floor, and every measured answer equal to the sequential one; else no number is printed.
 */
public final class ClassifierBench {

    private static final Map<String, String> DEFAULTS = Map.of("rounds", "5", "warmup", "1", "round-ms", "1500",
            "classifiers", "stub,trained,embedding", "callers", "4,16", "threads", "0",
            "data", "data/sample-tickets/tickets.jsonl");

    private ClassifierBench() {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, DEFAULTS);
        Path data = Path.of(args.text("data"));
        List<LabelledText> train = TicketData.read(data, ClassifierSubjects.FIELDS, "queue", Split.TRAIN, "language");
        List<LabelledText> test = TicketData.read(data, ClassifierSubjects.FIELDS, "queue", Split.TEST);
        System.out.printf(Locale.ROOT, "classifiers: %s; %d train / %d held-back tickets; MiniLM tokens per held-back "
                + "ticket: %s%n", args, train.size(), test.size(), tokenStats(test));
        var loads = new ArrayList<ClassifierLoad>(List.of(new ClassifierLoad.Single(), new ClassifierLoad.Batched(),
                new ClassifierLoad.BatchedByLength()));
        Arrays.stream(args.text("callers").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(c -> loads.add(new ClassifierLoad.Concurrent(Integer.parseInt(c))));
        var table = new ResultTable("classifier", "accuracy", "calling", "tickets/s", "latency p50 µs", "latency p99 µs",
                "CPU µs/ticket");
        Path work = ClassifierSubjects.workDir();
        for (String name : args.text("classifiers").split(",")) {
            try (var subject = subject(name.strip(), train, work, args.integer("threads"))) {
                check(subject, test);
                for (ClassifierLoad load : loads) {
                    measure(subject, load, test, args, table);
                }
            }
        }
        table.print(System.out);
    }

    private static ClassifierSubjects.Subject subject(String name, List<LabelledText> train, Path work, int threads)
            throws Exception {
        return switch (name) {
            case "stub" -> ClassifierSubjects.stub(train);
            case "trained" -> ClassifierSubjects.trained(train, work);
            case "embedding" -> ClassifierSubjects.embedding(train, work, threads);
            default -> throw new IllegalArgumentException("option --classifiers names '" + name
                    + "'; expected a comma-separated list of stub, trained, embedding");
        };
    }

    /** Accuracy of sequential answers on the held-back split; exits without numbers below the floor. */
    private static void check(ClassifierSubjects.Subject subject, List<LabelledText> test) throws Exception {
        int right = 0;
        for (LabelledText ticket : test) {
            var answer = subject.classifier().classify(request(ticket));
            if (answer == null || answer.label() == null) {
                fail(subject.name() + " answered " + answer + " for ticket " + ticket.id() + "; expected a label");
            }
            right += answer.label().equals(ticket.label()) ? 1 : 0;
        }
        double accuracy = (double) right / test.size();
        System.out.printf(Locale.ROOT, "check %s: accuracy %.3f on %d held-back tickets (floor %.2f)%n",
                subject.name(), accuracy, test.size(), subject.accuracyFloor());
        if (accuracy < subject.accuracyFloor()) {
            fail(subject.name() + " has accuracy " + accuracy + " on the held-back split; expected at least "
                    + subject.accuracyFloor() + "; no numbers reported");
        }
    }

    private static void measure(ClassifierSubjects.Subject subject, ClassifierLoad load,
                                List<LabelledText> test, Args args, ResultTable table) throws Exception {
        Classifier classifier = subject.classifier();
        List<ClassificationRequest> requests = test.stream().map(ClassifierBench::request).toList();
        List<String> truth = test.stream().map(LabelledText::label).toList();
        List<String> sequential = sequentialLabels(classifier, requests);
        long onePass = Long.MAX_VALUE;
        for (int w = 0; w < Math.max(1, args.integer("warmup")); w++) {
            onePass = Math.min(onePass, checked(subject, load, load.run(classifier, requests, truth, sequential, 1)).wallNanos());
        }
        int passes = (int) Math.max(1, Math.ceil(args.integer("round-ms") * 1e6 / onePass));
        var rounds = new ArrayList<ClassifierLoad.Round>();
        for (int r = 0; r < args.integer("rounds"); r++) {
            rounds.add(checked(subject, load, load.run(classifier, requests, truth, sequential, passes)));
        }
        table.row(subject.name(), summary(rounds, ClassifierLoad.Round::accuracy).format(3), load.name(),
                summary(rounds, ClassifierLoad.Round::ticketsPerSecond).format(0),
                summary(rounds, r -> new Percentiles(r.latencies()).at(0.50) / 1e3).format(1),
                summary(rounds, r -> new Percentiles(r.latencies()).at(0.99) / 1e3).format(1),
                summary(rounds, ClassifierLoad.Round::cpuMicrosPerTicket).format(1));
        System.out.printf(Locale.ROOT, "%s, %s: %d rounds × %d passes of %d tickets; answers differing from the "
                + "sequential ones per round: %s%n", subject.name(), load.name(), rounds.size(), passes, requests.size(),
                rounds.stream().map(r -> String.valueOf(r.disagreements())).toList());
    }

    private static List<String> sequentialLabels(Classifier classifier, List<ClassificationRequest> requests)
            throws Exception {
        var labels = new ArrayList<String>();
        for (ClassificationRequest request : requests) {
            labels.add(classifier.classify(request).label());
        }
        return labels;
    }

    /**
     * Every round's answers must reach the accuracy floor. Batched answers may differ from sequential ones (padding
     * changes the quantized model's numbers slightly), so they are counted and printed, not required to be equal.
     */
    private static ClassifierLoad.Round checked(ClassifierSubjects.Subject subject, ClassifierLoad load,
                                                ClassifierLoad.Round round) {
        if (round.accuracy() < subject.accuracyFloor()) {
            fail(subject.name() + ", " + load.name() + ": accuracy " + round.accuracy() + " over " + round.tickets()
                    + " answers; expected at least " + subject.accuracyFloor() + "; no numbers reported");
        }
        return round;
    }

    private static Summary summary(List<ClassifierLoad.Round> rounds,
                                   ToDoubleFunction<ClassifierLoad.Round> measure) {
        return Summary.of(rounds.stream().map(r -> measure.applyAsDouble(r)).toList());
    }

    private static ClassificationRequest request(LabelledText ticket) {
        return new ClassificationRequest(ticket.text(), "", null);
    }

    private static String tokenStats(List<LabelledText> test) throws Exception {
        try (InputStream json = ClassifierBench.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
             var tokenizer = TextTokenizer.read(json, 256)) {
            long[][] mask = tokenizer.encode(test.stream().map(LabelledText::text).toList()).mask();
            var counts = Arrays.stream(mask).mapToLong(row -> Arrays.stream(row).sum()).sorted().toArray();
            return String.format(Locale.ROOT, "mean %.1f, median %d, max %d",
                    Arrays.stream(counts).average().orElse(0), counts[counts.length / 2], counts[counts.length - 1]);
        }
    }

    private static void fail(String message) {
        System.err.println("CHECK FAILED: " + message);
        System.exit(1);
    }
}
