package dev.otai.app;

import dev.otai.ml.train.ModelMetadata;
import java.util.Locale;

/** What {@code otai model train} prints about the cross-validation behind a TF-IDF model. */
final class TrainingReport {

    private TrainingReport() {
    }

    static String selection(ModelMetadata metadata) {
        ModelMetadata.Selection s = metadata.selection();
        var out = new StringBuilder();
        if (s.auto()) {
            out.append(String.format(Locale.ROOT, "%d-fold cross-validation on %d records:%n", s.folds(), s.cvRecords()));
            out.append(String.format(Locale.ROOT, "  %-32s %-9s %s%n", "settings", "accuracy", "log loss"));
            for (ModelMetadata.Tried tried : s.tried()) {
                out.append(String.format(Locale.ROOT, "  %-32s %.4f    %.4f%n", tried.settings(), tried.accuracy(),
                        tried.logLoss()));
            }
        }
        out.append(String.format(Locale.ROOT, "chose %s C=%s%s%s; cross-validated accuracy %.4f (%d-fold, %d records)%n",
                s.loss(), s.c(), s.balanced() ? " balanced" : "", s.hybrid() ? " +MiniLM" : "", s.cvAccuracy(),
                s.folds(), s.cvRecords()));
        out.append(String.format(Locale.ROOT, "calibration: temperature %.4f, floor %.2f (fitted on out-of-fold scores)%n",
                metadata.temperature(), s.floor()));
        return out.toString();
    }
}
