package dev.otai.ml.train;

import dev.otai.ml.embed.SentenceEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** Turns texts into Tribuo examples, the same way at training and prediction time. */
sealed interface Featurizer {

    List<Example<Label>> examples(List<String> texts, List<Label> labels) throws Exception;

    /** Word and character n-grams ({@link TextGrams}), each present feature scaled so an example has unit length. */
    record Grams(TextGrams grams) implements Featurizer {
        @Override
        public List<Example<Label>> examples(List<String> texts, List<Label> labels) {
            var out = new ArrayList<Example<Label>>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                String[] names = grams.features(texts.get(i)).toArray(String[]::new);
                double[] values = new double[names.length];
                Arrays.fill(values, names.length == 0 ? 0 : 1 / Math.sqrt(names.length));
                out.add(new ArrayExample<>(labels.get(i), names, values));
            }
            return out;
        }
    }

    /** The MiniLM sentence embedding's dimensions as dense features {@code e000…e383}. */
    record Embeddings(SentenceEmbedder embedder) implements Featurizer {
        @Override
        public List<Example<Label>> examples(List<String> texts, List<Label> labels) throws Exception {
            float[][] vectors = embedder.embed(texts);
            var out = new ArrayList<Example<Label>>(texts.size());
            for (int i = 0; i < vectors.length; i++) {
                String[] names = new String[vectors[i].length];
                double[] values = new double[vectors[i].length];
                for (int d = 0; d < names.length; d++) {
                    names[d] = String.format(Locale.ROOT, "e%03d", d);
                    values[d] = vectors[i][d];
                }
                out.add(new ArrayExample<>(labels.get(i), names, values));
            }
            return out;
        }
    }
}
