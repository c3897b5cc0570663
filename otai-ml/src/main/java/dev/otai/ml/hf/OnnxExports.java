package dev.otai.ml.hf;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens a local ONNX export directory (model.onnx, tokenizer.json, config.json) outside a service, for evaluation. */
public final class OnnxExports {

    /** An opened export: classify with it, then close it. */
    public interface Opened extends Classifier, AutoCloseable {
        List<String> labels();
    }

    private OnnxExports() {
    }

    public static boolean isExport(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelFiles.CONFIG)) && Files.isRegularFile(dir.resolve(ModelFiles.TOKENIZER));
    }

    public static Opened open(Path dir, int threads) throws Exception {
        var model = TextClassificationModel.load(dir.toString(), ModelFiles.in(dir), 0, threads);
        var batcher = new Batcher("eval", model, 1, 32);
        var settings = new HFClassificationService.Settings(null, dir.toString(), 0, 1, 32, threads);
        var service = new HFClassificationService(settings, null);
        service.adopt(dir.toString(), batcher);
        return new Opened() {
            @Override
            public Classification classify(ClassificationRequest request)
                    throws Exception {
                return service.classify(request);
            }

            @Override
            public List<Classification> classifyAll(
                    List<ClassificationRequest> requests) throws Exception {
                return service.classifyAll(requests);
            }

            @Override
            public List<String> labels() {
                return model.labels();
            }

            @Override
            public void close() {
                service.close();
            }
        };
    }
}
