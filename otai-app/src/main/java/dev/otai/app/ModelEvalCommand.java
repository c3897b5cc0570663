package dev.otai.app;

import dev.otai.ml.train.Evaluation;
import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.ModelDirectory;
import dev.otai.ml.train.ModelMetadata;
import dev.otai.ml.train.Split;
import dev.otai.ml.train.TicketData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otai model eval}: accuracy, macro-F1, per-label precision/recall and a confusion matrix. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model directory on labelled tickets.")
final class ModelEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "a directory written by 'otai model train'")
    Path model;

    @Option(names = "--data", required = true, description = "labelled tickets: a .csv (with header) or .jsonl file")
    Path data;

    @Option(names = "--text", split = ",", description = "fields joined into the text (default: the model's)")
    List<String> text;

    @Option(names = "--label", description = "the field holding the true label (default: the model's)")
    String label;

    @Option(names = "--split", defaultValue = "all",
            description = "all, train (all but every 5th record) or test (every 5th record) (default: ${DEFAULT-VALUE})")
    Split split;

    @Option(names = "--show-mistakes", description = "also list the wrongly labelled records")
    boolean showMistakes;

    @Override
    public Integer call() throws Exception {
        return ModelCommand.reporting(spec, this::execute);
    }

    private Integer execute() throws Exception {
        PrintWriter out = TerminalText.out(spec);
        ModelMetadata metadata = ModelDirectory.metadata(model);
        List<LabelledText> records = TicketData.read(data, text == null ? metadata.textFields() : text,
                label == null ? metadata.labelField() : label, split);
        try (ModelDirectory.Loaded loaded = ModelDirectory.load(model, 0)) {
            out.printf("model %s (%s)%n%n", model, metadata.kind().equals(ModelDirectory.ONNX_EXPORT) ? "ONNX export"
                    : metadata.kind() + ", trained " + metadata.trainedAt() + " on " + metadata.records() + " records of "
                    + metadata.dataFile());
            Evaluation evaluation = Evaluation.of(loaded.classifier(), records);
            out.print(evaluation.report());
            if (showMistakes) {
                out.printf("%nmistakes (id: true -> predicted, confidence)%n");
                evaluation.mistakes().forEach(m -> out.printf("%s: %s -> %s, %.3f%n", m.id(), m.truth(), m.predicted(),
                        m.confidence()));
            }
        }
        out.flush();
        return 0;
    }
}
