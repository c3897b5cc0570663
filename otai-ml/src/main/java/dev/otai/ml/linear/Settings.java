package dev.otai.ml.linear;

import java.util.Locale;

/**
 * How a linear model is trained.
 *
 * @param loss     hinge (SVM) or logistic
 * @param c        the inverse regularisation strength: larger fits the training data more closely
 * @param balanced whether each label's examples weigh {@code n / (labels * n_label)}, so small queues count as
 *                 much as large ones
 * @param hybrid   whether the MiniLM sentence embedding joins the TF-IDF terms as a third block of features
 */
public record Settings(Loss loss, double c, boolean balanced, boolean hybrid) {

    public Settings(Loss loss, double c, boolean balanced) {
        this(loss, c, balanced, false);
    }

    Settings balancedVariant() {
        return new Settings(loss, c, true, hybrid);
    }

    Settings hybridVariant() {
        return new Settings(loss, c, balanced, true);
    }


    public Settings {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("regularisation C was " + c + "; expected a number above 0");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s C=%s%s%s", loss.id(), c, balanced ? " balanced" : "",
                hybrid ? " +MiniLM" : "");
    }
}
