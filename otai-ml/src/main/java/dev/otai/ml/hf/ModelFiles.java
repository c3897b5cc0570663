package dev.otai.ml.hf;

import java.nio.file.Files;
import java.nio.file.Path;

/** The three files of a local text-classification model. */
record ModelFiles(Path onnx, Path tokenizer, Path config) {

    static final String CONFIG = "config.json";
    static final String TOKENIZER = "tokenizer.json";
    static final String[] ONNX_CANDIDATES = {"onnx/model.onnx", "model.onnx"};

    /** The model in {@code dir}: {@code onnx/model.onnx} or {@code model.onnx}, {@code tokenizer.json}, {@code config.json}. */
    static ModelFiles in(Path dir) {
        Path onnx = null;
        for (String candidate : ONNX_CANDIDATES) {
            if (onnx == null && Files.isRegularFile(dir.resolve(candidate))) {
                onnx = dir.resolve(candidate);
            }
        }
        if (onnx == null) {
            throw new IllegalArgumentException("model directory " + dir + " has neither onnx/model.onnx nor model.onnx; "
                    + "export the model to ONNX first (see docs/classification.md)");
        }
        for (String required : new String[] {TOKENIZER, CONFIG}) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new IllegalArgumentException("model directory " + dir + " has no " + required
                        + "; expected model.onnx, tokenizer.json and config.json (with id2label)");
            }
        }
        return new ModelFiles(onnx, dir.resolve(TOKENIZER), dir.resolve(CONFIG));
    }
}
