package dev.otai.ml.train;

import java.util.Arrays;
import java.util.Locale;

/** What a model directory holds. */
public enum ModelKind {
    /** Tribuo logistic regression on word uni- and bigrams (the default: fastest and most accurate on tickets). */
    NGRAM_LOGREG("ngram-logreg"),
    /** Tribuo logistic regression on the 384 MiniLM embedding dimensions. */
    EMBEDDING_LOGREG("embedding-logreg"),
    /** Few-shot nearest centroid on MiniLM embeddings; "training" keeps a few examples per label. */
    EMBEDDING_CENTROID("embedding-centroid");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ModelKind parse(String text) {
        return Arrays.stream(values()).filter(k -> k.id.equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model kind was '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(ModelKind::id).toList()));
    }
}
