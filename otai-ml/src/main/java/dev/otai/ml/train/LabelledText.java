package dev.otai.ml.train;

/**
 * One training or evaluation record: the text to classify and its true label.
 *
 * @param stratum the value of the field examples are balanced over (for example the language), or ""
 */
public record LabelledText(String id, String text, String label, String stratum) {

    public LabelledText(String id, String text, String label) {
        this(id, text, label, "");
    }
}
