package dev.otai.ml.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX Runtime session of a BERT-style text model: feeds {@code input_ids}, {@code attention_mask} and, when
 * the graph has it, {@code token_type_ids}, and returns the first output (hidden states or logits).
 */
public final class OnnxSession implements AutoCloseable {

    private static final String IDS = "input_ids";
    private static final String MASK = "attention_mask";
    private static final String TYPES = "token_type_ids";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Set<String> inputs;

    private OnnxSession(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
        this.inputs = session.getInputNames();
    }

    public static OnnxSession fromBytes(byte[] model, int threads) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = options(threads)) {
            return checked(new OnnxSession(env, env.createSession(model, options)), "the model bytes");
        }
    }

    public static OnnxSession fromFile(Path model, int threads) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = options(threads)) {
            return checked(new OnnxSession(env, env.createSession(model.toString(), options)), model.toString());
        }
    }

    private static OrtSession.SessionOptions options(int threads) throws OrtException {
        var options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (threads > 0) {
            options.setIntraOpNumThreads(threads);
        }
        return options;
    }

    private static OnnxSession checked(OnnxSession session, String source) {
        if (!session.inputs.contains(IDS)) {
            session.close();
            throw new IllegalArgumentException("ONNX model " + source + " has inputs " + session.inputs
                    + "; expected a text model with '" + IDS + "' (and '" + MASK + "')");
        }
        return session;
    }

    /** Runs the model on a batch and returns its first output as a Java array (float[][] or float[][][]). */
    public Object run(Tokens tokens) throws OrtException {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(IDS, OnnxTensor.createTensor(env, tokens.ids()));
            if (inputs.contains(MASK)) {
                feed.put(MASK, OnnxTensor.createTensor(env, tokens.mask()));
            }
            if (inputs.contains(TYPES)) {
                feed.put(TYPES, OnnxTensor.createTensor(env, tokens.types()));
            }
            try (OrtSession.Result result = session.run(feed)) {
                return result.get(0).getValue();
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing ONNX session failed: " + e.getMessage(), e);
        }
    }
}
