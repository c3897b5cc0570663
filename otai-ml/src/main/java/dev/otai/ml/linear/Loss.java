package dev.otai.ml.linear;

import java.util.Arrays;
import java.util.Locale;

/** The loss a linear model minimizes, one binary problem per label against the rest. */
public enum Loss {
    /** Linear support vector machine, squared hinge loss (LinearSVC's default). */
    SVM("svm"),
    /** Logistic regression. */
    LOGREG("logreg");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Loss parse(String text) {
        return Arrays.stream(values()).filter(l -> l.id.equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("loss was '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(Loss::id).toList()));
    }
}
