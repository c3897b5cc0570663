package dev.otai.ml.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.classify.Classification;
import dev.otai.ml.onnx.OnnxSession;
import dev.otai.ml.onnx.TextTokenizer;
import dev.otai.ml.score.Scores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sequence-classification model exported to ONNX: tokenizes (truncating to the model's maximum length), runs
 * the graph, and turns each row of logits into softmax scores over the labels of {@code config.json}'s
 * {@code id2label}.
 */
final class TextClassificationModel implements AutoCloseable {

    static final int DEFAULT_MAX_LENGTH = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final OnnxSession session;
    private final TextTokenizer tokenizer;
    private final List<String> labels;

    private TextClassificationModel(String name, OnnxSession session, TextTokenizer tokenizer, List<String> labels) {
        this.name = name;
        this.session = session;
        this.tokenizer = tokenizer;
        this.labels = labels;
    }

    /** @param maxLength the longest input in tokens, or 0 to take it from config.json (at most 512) */
    static TextClassificationModel load(String name, ModelFiles files, int maxLength, int threads) throws Exception {
        JsonNode config = JSON.readTree(files.config().toFile());
        List<String> labels = labels(name, config);
        int length = maxLength > 0 ? maxLength
                : Math.min(config.path("max_position_embeddings").asInt(DEFAULT_MAX_LENGTH), DEFAULT_MAX_LENGTH);
        TextTokenizer tokenizer = TextTokenizer.read(files.tokenizer(), length);
        try {
            return new TextClassificationModel(name, OnnxSession.fromFile(files.onnx(), threads), tokenizer, labels);
        } catch (Exception | Error e) {
            tokenizer.close();
            throw e;
        }
    }

    private static List<String> labels(String name, JsonNode config) throws IOException {
        JsonNode id2label = config.path("id2label");
        if (!id2label.isObject() || id2label.isEmpty()) {
            throw new IOException("model '" + name + "': config.json has no id2label; expected a mapping like "
                    + "{\"0\": \"IT\", \"1\": \"Billing\"}");
        }
        var byId = new TreeMap<Integer, String>();
        for (Map.Entry<String, JsonNode> e : id2label.properties()) {
            try {
                byId.put(Integer.parseInt(e.getKey()), e.getValue().asText());
            } catch (NumberFormatException notANumber) {
                throw new IOException("model '" + name + "': config.json id2label has key \"" + e.getKey()
                        + "\"; expected class indexes 0, 1, 2…");
            }
        }
        if (byId.firstKey() != 0 || byId.lastKey() != byId.size() - 1) {
            throw new IOException("model '" + name + "': config.json id2label has ids " + byId.keySet()
                    + "; expected 0 to " + (byId.size() - 1));
        }
        return List.copyOf(byId.values());
    }

    int maxLength() {
        return tokenizer.maxLength();
    }

    List<String> labels() {
        return labels;
    }

    List<Classification> classify(List<String> texts) throws Exception {
        float[][] logits = (float[][]) session.run(tokenizer.encode(texts));
        var out = new ArrayList<Classification>(logits.length);
        for (float[] row : logits) {
            if (row.length != labels.size()) {
                throw new IllegalStateException("model '" + name + "' returned " + row.length + " scores per text; "
                        + "config.json id2label names " + labels.size() + " labels");
            }
            out.add(Scores.ranked(labels, Scores.softmax(row)));
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        tokenizer.close();
    }
}
