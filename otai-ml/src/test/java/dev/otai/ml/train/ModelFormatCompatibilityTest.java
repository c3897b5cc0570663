package dev.otai.ml.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.classify.ClassificationRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Model directories written by earlier otai versions keep loading and classifying. */
class ModelFormatCompatibilityTest {

    /** Written by 'otai model train --kind ngram-logreg --ngrams 1 --epochs 5' before format 2 (Tribuo protobuf). */
    private static final Path FORMAT_1 = Path.of("src/test/resources/models/ngram-logreg-format1");

    @Test
    void format_1_ngram_logreg_directory_loads_and_classifies() throws Exception {
        ModelMetadata metadata = ModelDirectory.metadata(FORMAT_1);

        assertThat(metadata.otaiFormat()).isEqualTo(1);
        assertThat(metadata.kind()).isEqualTo("ngram-logreg");
        try (ModelDirectory.Loaded loaded = ModelDirectory.load(FORMAT_1, 0)) {
            var result = loaded.classifier().classify(new ClassificationRequest(
                    "Invoice charged twice\n\nWe were billed twice for the same invoice, please refund.", "", null));

            assertThat(result.label()).isEqualTo("Billing");
            assertThat(result.scores()).hasSize(6);
        }
    }
}
