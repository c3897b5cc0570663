package dev.otai.bench;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One way of calling a classifier with the held-back tickets: one request at a time, {@code classifyAll} over
 * the whole list, or several callers on virtual threads sharing the list. A round makes {@code passes} passes.
 */
sealed interface ClassifierLoad {

    /**
     * @param latencies     per request (single, concurrent) or per batch call (batched), in nanoseconds
     * @param right         answers equal to the ticket's true label
     * @param disagreements answers whose label differs from the sequential answer for the same ticket
     */
    record Round(long tickets, long wallNanos, long cpuNanos, List<Long> latencies, int right, int disagreements) {

        double accuracy() {
            return (double) right / tickets;
        }

        double ticketsPerSecond() {
            return tickets * 1e9 / wallNanos;
        }

        double cpuMicrosPerTicket() {
            return cpuNanos / 1e3 / tickets;
        }
    }

    String name();

    /** The true label and the sequential answer of each request, and the counts of answers matching neither. */
    record Answers(List<String> truth, List<String> sequential, AtomicInteger right, AtomicInteger disagreements) {

        Answers(List<String> truth, List<String> sequential) {
            this(truth, sequential, new AtomicInteger(), new AtomicInteger());
        }

        void compare(int index, Classification answer) {
            String label = answer == null ? null : answer.label();
            right.addAndGet(truth.get(index).equals(label) ? 1 : 0);
            disagreements.addAndGet(sequential.get(index).equals(label) ? 0 : 1);
        }
    }

    /** Makes the passes, comparing every answer with the ticket's truth and sequential answer. */
    default Round run(Classifier classifier, List<ClassificationRequest> requests, List<String> truth,
                      List<String> sequential, int passes) throws Exception {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var answers = new Answers(truth, sequential);
        long cpu0 = Cpu.processNanosCoarse(); // rounds last seconds; threads may end inside one
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            pass(classifier, requests, answers, latencies);
        }
        long wall = System.nanoTime() - t0;
        long cpu = Cpu.processNanosCoarse() - cpu0;
        return new Round((long) passes * requests.size(), wall, cpu, List.copyOf(latencies), answers.right().get(),
                answers.disagreements().get());
    }

    void pass(Classifier classifier, List<ClassificationRequest> requests, Answers answers, List<Long> latencies)
            throws Exception;

    record Single() implements ClassifierLoad {
        @Override
        public String name() {
            return "single (1 caller)";
        }

        @Override
        public void pass(Classifier classifier, List<ClassificationRequest> requests, Answers answers,
                         List<Long> latencies) throws Exception {
            for (int i = 0; i < requests.size(); i++) {
                long t0 = System.nanoTime();
                Classification answer = classifier.classify(requests.get(i));
                latencies.add(System.nanoTime() - t0);
                answers.compare(i, answer);
            }
        }
    }

    record Batched() implements ClassifierLoad {
        @Override
        public String name() {
            return "classifyAll (one call per pass)";
        }

        @Override
        public void pass(Classifier classifier, List<ClassificationRequest> requests, Answers answers,
                         List<Long> latencies) throws Exception {
            long t0 = System.nanoTime();
            List<Classification> batch = classifier.classifyAll(requests);
            latencies.add(System.nanoTime() - t0);
            for (int i = 0; i < requests.size(); i++) {
                answers.compare(i, i < batch.size() ? batch.get(i) : null);
            }
        }
    }

    /**
     * {@code classifyAll} with the tickets ordered by text length, answers mapped back: shows what padding each
     * batch to its longest text costs, since neighbours in a batch then have similar lengths.
     */
    record BatchedByLength() implements ClassifierLoad {
        @Override
        public String name() {
            return "classifyAll, ordered by length";
        }

        @Override
        public void pass(Classifier classifier, List<ClassificationRequest> requests, Answers answers,
                         List<Long> latencies) throws Exception {
            long t0 = System.nanoTime();
            List<Integer> order = IntStream.range(0, requests.size()).boxed()
                    .sorted(Comparator.comparingInt(i -> requests.get(i).text().length())).toList();
            List<Classification> batch = classifier.classifyAll(order.stream().map(requests::get).toList());
            latencies.add(System.nanoTime() - t0);
            for (int k = 0; k < order.size(); k++) {
                answers.compare(order.get(k), k < batch.size() ? batch.get(k) : null);
            }
        }
    }

    /** {@code callers} virtual threads each take the next ticket until none is left. */
    record Concurrent(int callers) implements ClassifierLoad {
        @Override
        public String name() {
            return callers + " virtual-thread callers";
        }

        @Override
        public void pass(Classifier classifier, List<ClassificationRequest> requests, Answers answers,
                         List<Long> latencies) throws Exception {
            var next = new AtomicInteger();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                var futures = new ArrayList<Future<Void>>();
                for (int c = 0; c < callers; c++) {
                    futures.add(executor.submit(() -> {
                        for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            Classification answer = classifier.classify(requests.get(i));
                            latencies.add(System.nanoTime() - t0);
                            answers.compare(i, answer);
                        }
                        return null;
                    }));
                }
                for (Future<Void> future : futures) {
                    future.get();
                }
            }
        }
    }
}
