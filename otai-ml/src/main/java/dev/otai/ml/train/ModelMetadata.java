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
 * @param temperature  softmax temperature (embedding-centroid, and the calibration of the TF-IDF kinds)
 * @param trainedAt    ISO-8601 instant of training
 * @param dataFile     the data file's name
 * @param dataSha256   SHA-256 over the training records (label, tab, text, newline), in order
 * @param records      number of training records
 * @param otaiFormat   version of this file's format: 1 (Tribuo and few-shot kinds), 2 (adds the TF-IDF kinds and
 *                     {@code selection}); every version loads
 * @param selection    how the TF-IDF kinds chose and calibrated their settings (null for other kinds and format 1)
 */
public record ModelMetadata(String kind, List<String> labels, @JsonProperty("text_fields") List<String> textFields,
                            @JsonProperty("label_field") String labelField, int features, int ngrams,
                            @JsonProperty("char_ngrams") int charNgrams, int epochs, Double temperature,
                            @JsonProperty("trained_at") String trainedAt, @JsonProperty("data_file") String dataFile,
                            @JsonProperty("data_sha256") String dataSha256, int records,
                            @JsonProperty("otai_format") int otaiFormat, Selection selection) {

    public static final String FILE = "model.json";
    public static final int FORMAT = 2;

    public ModelMetadata(String kind, List<String> labels, List<String> textFields, String labelField, int features,
                         int ngrams, int charNgrams, int epochs, Double temperature, String trainedAt, String dataFile,
                         String dataSha256, int records, int otaiFormat) {
        this(kind, labels, textFields, labelField, features, ngrams, charNgrams, epochs, temperature, trainedAt,
                dataFile, dataSha256, records, otaiFormat, null);
    }

    /**
     * The cross-validation behind a TF-IDF model.
     *
     * @param auto       whether the settings were chosen ({@code --kind auto}) rather than given
     * @param loss       svm or logreg
     * @param c          the regularisation C
     * @param balanced   whether labels were weighted inversely to their frequency
     * @param hybrid     whether the MiniLM sentence embedding joins the TF-IDF terms
     * @param folds      the k of stratified k-fold cross-validation
     * @param cvRecords  how many training records the cross-validation used
     * @param cvAccuracy the chosen settings' cross-validated accuracy
     * @param floor      the calibration's floor: probability spread evenly over the labels (high for noisy labels)
     * @param tried      every setting tried, with its cross-validated accuracy
     */
    public record Selection(boolean auto, String loss, double c, boolean balanced, boolean hybrid, int folds,
                            @JsonProperty("cv_records") int cvRecords, @JsonProperty("cv_accuracy") double cvAccuracy,
                            @JsonProperty("calibration_floor") double floor, List<Tried> tried) {
    }

    /** One setting tried in cross-validation: its accuracy and calibrated log loss. */
    public record Tried(String settings, double accuracy, @JsonProperty("log_loss") double logLoss) {
    }
}
