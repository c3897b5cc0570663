package dev.otai.ml.train;

import java.util.Arrays;
import java.util.Locale;

/** What a model directory holds. */
public enum ModelKind {
    /**
     * Training only (the default): chooses between {@link #TFIDF_SVM} and {@link #TFIDF_LOGREG} and their
     * regularisation by cross-validation; the directory records the chosen kind.
     */
    AUTO("auto"),
    /** Linear SVM on TF-IDF word 1–2-grams and character 2–5-grams, calibrated. */
    TFIDF_SVM("tfidf-svm"),
    /** Logistic regression on TF-IDF word 1–2-grams and character 2–5-grams, calibrated. */
    TFIDF_LOGREG("tfidf-logreg"),
    /** Tribuo logistic regression on word n-grams, binary features (the default before format 2). */
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

    /** Whether this kind trains a {@link dev.otai.ml.linear.LinearTextModel}. */
    public boolean linear() {
        return this == AUTO || this == TFIDF_SVM || this == TFIDF_LOGREG;
    }

    public static ModelKind parse(String text) {
        return Arrays.stream(values()).filter(k -> k.id.equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model kind was '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(ModelKind::id).toList()));
    }
}
