package dev.otai.bench;

import dev.otai.api.classify.ClassificationRequest;
import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.ModelDirectory;
import dev.otai.ml.train.ModelKind;
import dev.otai.ml.train.ModelMetadata;
import dev.otai.ml.train.ModelTrainer;
import dev.otai.ml.train.Split;
import dev.otai.ml.train.TicketData;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run.sh training}: wall time of the default {@code otai model train} ({@code --kind auto}: the
 * cross-validated grid, calibration and the final fit) on the first N records of a large labelled file, for each
 * N of {@code --records}, then the CPU time per ticket of classifying the file's last 1,000 records one by one
 * with the trained model (thread CPU time, after a warm-up pass).
 */
public final class TrainingTime {

    private static final Map<String, String> DEFAULTS = Map.of("data", "/tmp/otai-bench-large.jsonl",
            "records", "2000,10000", "threads", String.valueOf(Runtime.getRuntime().availableProcessors()));

    private TrainingTime() {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, DEFAULTS);
        Path data = Path.of(args.text("data"));
        List<LabelledText> all = TicketData.read(data, ClassifierSubjects.FIELDS, "queue", Split.ALL);
        List<LabelledText> probe = all.subList(Math.max(0, all.size() - 1000), all.size());
        var table = new ResultTable("records", "train s (wall)", "chosen", "cv accuracy", "classify CPU µs/ticket");
        for (String count : args.text("records").split(",")) {
            int n = Integer.parseInt(count.strip());
            if (n > all.size()) {
                throw new IllegalArgumentException("option --records names " + n + " but " + data + " has only "
                        + all.size() + " records");
            }
            Path out = Files.createTempDirectory("otai-bench-training");
            var options = new ModelTrainer.Options(ModelKind.AUTO, ClassifierSubjects.FIELDS, "queue", data.toString(),
                    0, 2, 5, 0, null, null, args.integer("threads"));
            long start = System.nanoTime();
            ModelMetadata metadata = ModelTrainer.train(all.subList(0, n), options, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelMetadata.Selection s = metadata.selection();
            table.row(String.valueOf(n), String.format(Locale.ROOT, "%.1f", seconds),
                    s.loss() + " C=" + s.c() + (s.balanced() ? " balanced" : "") + (s.hybrid() ? " +MiniLM" : ""),
                    String.format(Locale.ROOT, "%.4f", s.cvAccuracy()),
                    String.format(Locale.ROOT, "%.0f", cpuMicrosPerTicket(out, probe)));
        }
        table.print(System.out);
    }

    private static double cpuMicrosPerTicket(Path dir, List<LabelledText> probe) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        try (ModelDirectory.Loaded model = ModelDirectory.load(dir, 1)) {
            for (LabelledText t : probe) {
                model.classifier().classify(new ClassificationRequest(t.text(), "", null));
            }
            long cpu = threads.getCurrentThreadCpuTime();
            for (LabelledText t : probe) {
                model.classifier().classify(new ClassificationRequest(t.text(), "", null));
            }
            return (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / probe.size();
        }
    }
}
