package dev.otai.ml.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code model.json} in a model directory: what the model is, what it was trained on and how.
 *
 * @param kind         a {@link ModelKind} id
 * @param labels       the labels it predicts, sorted
 * @param textFields   the data fields joined into the text
 * @param labelField   the data field holding the label
 * @param features     number of features (distinct n-grams, or embedding dimensions)
 * @param ngrams       the longest word n-gram (ngram-logreg only)
 * @param charNgrams   the longest character n-gram inside words, 0 for none (ngram-logreg only)
 * @param epochs       passes over the training data (logistic regression only)
 * @param temperature  softmax temperature (embedding-centroid only)
 * @param trainedAt    ISO-8601 instant of training
 * @param dataFile     the data file's name
 * @param dataSha256   SHA-256 over the training records (label, tab, text, newline), in order
 * @param records      number of training records
 * @param otaiFormat   version of this file's format
 */
public record ModelMetadata(String kind, List<String> labels, @JsonProperty("text_fields") List<String> textFields,
                            @JsonProperty("label_field") String labelField, int features, int ngrams,
                            @JsonProperty("char_ngrams") int charNgrams, int epochs, Double temperature,
                            @JsonProperty("trained_at") String trainedAt, @JsonProperty("data_file") String dataFile,
                            @JsonProperty("data_sha256") String dataSha256, int records,
                            @JsonProperty("otai_format") int otaiFormat) {

    public static final String FILE = "model.json";
    public static final int FORMAT = 1;
}
