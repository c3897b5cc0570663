package dev.otai.ml.linear;

import dev.otai.ml.embed.SentenceEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * {@code model.linear}: a {@link LinearTextModel} in a plain binary layout (big-endian): the magic
 * {@code OTAILIN1}, the n-gram settings, the embedding dimensions (0, or 384 for a hybrid model), the labels, the
 * calibration (temperature, floor), the terms with their idf, and the weights.
 */
final class LinearModelFile {

    private static final long MAGIC = 0x4f5441494c494e31L;
    private static final int MAX_LABELS = 100_000;
    private static final int MAX_TERMS = 50_000_000;

    private LinearModelFile() {
    }

    static void write(LinearTextModel model, Path file) throws IOException {
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeLong(MAGIC);
            out.writeInt(model.terms().wordNgrams());
            out.writeInt(model.terms().minChar());
            out.writeInt(model.terms().maxChar());
            out.writeInt(model.hybrid() ? SentenceEmbedder.DIMENSIONS : 0);
            out.writeInt(model.labels().size());
            for (String label : model.labels()) {
                out.writeUTF(label);
            }
            out.writeDouble(model.calibration().temperature());
            out.writeDouble(model.calibration().floor());
            long[] terms = model.vocabulary().terms();
            float[] idf = model.vocabulary().idf();
            out.writeInt(terms.length);
            for (int i = 0; i < terms.length; i++) {
                out.writeLong(terms[i]);
                out.writeFloat(idf[i]);
            }
            for (float w : model.weights().weights()) {
                out.writeFloat(w);
            }
        }
    }

    static LinearTextModel read(Path file, int threads) throws Exception {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readLong() != MAGIC) {
                throw new IOException("model file " + file + " does not start with OTAILIN1; expected a file written by "
                        + "'otai model train'");
            }
            var terms = new TextTerms(in.readInt(), in.readInt(), in.readInt());
            int dense = in.readInt();
            if (dense != 0 && dense != SentenceEmbedder.DIMENSIONS) {
                throw new IOException("model file " + file + " declares " + dense + " embedding dimensions; expected 0 or "
                        + SentenceEmbedder.DIMENSIONS);
            }
            int labelCount = bounded(in.readInt(), MAX_LABELS, "labels", file);
            var labels = new ArrayList<String>(labelCount);
            for (int i = 0; i < labelCount; i++) {
                labels.add(in.readUTF());
            }
            var calibration = new Calibration(in.readDouble(), in.readDouble());
            int termCount = bounded(in.readInt(), MAX_TERMS, "terms", file);
            long[] keys = new long[termCount];
            float[] idf = new float[termCount];
            for (int i = 0; i < termCount; i++) {
                keys[i] = in.readLong();
                idf[i] = in.readFloat();
            }
            float[] weights = new float[(termCount + dense + 1) * labelCount];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            var linear = new LinearWeights(labelCount, termCount + dense, weights);
            SentenceEmbedder embedder = dense == 0 ? null : SentenceEmbedder.miniLm(threads);
            return new LinearTextModel(terms, new Vocabulary(keys, idf), linear, labels, calibration, embedder);
        }
    }

    private static int bounded(int count, int max, String what, Path file) throws IOException {
        if (count < 0 || count > max) {
            throw new IOException("model file " + file + " declares " + count + " " + what + "; expected 0 to " + max);
        }
        return count;
    }
}
