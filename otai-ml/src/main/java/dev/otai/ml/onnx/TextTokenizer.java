package dev.otai.ml.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's native tokenizers library: adds special tokens, truncates
 * every text to {@code maxLength} tokens and pads a batch to its longest text (whatever the file's own padding
 * settings say).
 */
public final class TextTokenizer implements AutoCloseable {

    static {
        // DJL phones home (EC2 metadata, telemetry) unless told not to; otai runs offline and never tracks users.
        setUnlessSet("OPT_OUT_TRACKING", "true");
        setUnlessSet("ai.djl.offline", "true");
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    public static TextTokenizer read(InputStream json, int maxLength) throws IOException {
        return new TextTokenizer(HuggingFaceTokenizer.newInstance(json, options(maxLength)), maxLength);
    }

    public static TextTokenizer read(Path json, int maxLength) throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            return read(in, maxLength);
        }
    }

    private static Map<String, String> options(int maxLength) {
        return Map.of("padding", "true", "truncation", "true", "maxLength", Integer.toString(maxLength),
                "addSpecialTokens", "true");
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    public Tokens encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int n = encodings.length;
        long[][] ids = new long[n][];
        long[][] mask = new long[n][];
        long[][] types = new long[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = encodings[i].getIds();
            mask[i] = encodings[i].getAttentionMask();
            types[i] = encodings[i].getTypeIds();
        }
        return new Tokens(ids, mask, types);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
