package dev.otai.ml.train;

/**
 * One training or evaluation record: the text to classify and its true label.
 *
 * @param stratum the value of the field examples are balanced over (for example the language), or ""
 * @param weight  how much the record counts in training, relative to the others (1: as much as one record; a
 *                correction a person made counts more)
 */
public record LabelledText(String id, String text, String label, String stratum, double weight) {

    public LabelledText {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("record " + id + " had weight " + weight + "; expected a finite number above 0");
        }
    }

    public LabelledText(String id, String text, String label, String stratum) {
        this(id, text, label, stratum, 1);
    }

    public LabelledText(String id, String text, String label) {
        this(id, text, label, "");
    }
}
