package dev.otai.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void labels_that_are_wrong_one_time_in_five_however_large_the_margin_get_a_floor_that_caps_confidence_near_80_percent() {
        var random = new SplittableRandom(7);
        int n = 2000;
        double[][] scores = new double[n][];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int predicted = i % 3;
            scores[i] = new double[] {-1, -1, -1};
            scores[i][predicted] = 1 + i % 10;
            truth[i] = random.nextDouble() < 0.8 ? predicted : (predicted + 1 + random.nextInt(2)) % 3;
        }

        Calibration calibration = Calibration.fit(scores, truth);
        double confidence = calibration.probabilities(new double[] {10, -1, -1})[0];

        assertThat(calibration.floor()).isGreaterThan(0.2);
        assertThat(confidence).isBetween(0.75, 0.86);
    }

    @Test
    void a_model_that_never_erred_on_few_texts_still_does_not_claim_certainty() {
        int n = 12;
        double[][] scores = new double[n][];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 2;
            scores[i] = truth[i] == 0 ? new double[] {1, -1} : new double[] {-1, 1};
        }

        Calibration calibration = Calibration.fit(scores, truth);

        assertThat(calibration.probabilities(new double[] {10, -10})[0]).isLessThanOrEqualTo((n + 1.0) / (n + 2) + 1e-9);
    }

    @Test
    void impossible_calibration_is_refused_naming_the_values() {
        assertThatThrownBy(() -> new Calibration(0, 0.1)).hasMessageContaining("temperature 0.0, floor 0.1")
                .hasMessageContaining("expected a temperature above 0 and a floor in [0, 1)");
    }
}
