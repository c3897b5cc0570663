package dev.otai.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void calibration_error_weighs_each_bins_gap_between_confidence_and_accuracy_by_its_share() {
        Reliability r = Reliability.of(new double[] {0.95, 0.95, 0.55, 0.55}, new boolean[] {true, false, true, false});

        assertThat(r.expectedCalibrationError()).isCloseTo(0.5 * 0.45 + 0.5 * 0.05, within(1e-12));
    }

    @Test
    void each_threshold_reports_how_many_tickets_reach_it_and_how_many_of_those_are_right() {
        Reliability r = Reliability.of(new double[] {0.95, 0.85, 0.65, 0.55, 0.3},
                new boolean[] {true, true, false, true, false});

        assertThat(r.thresholds()).extracting(Reliability.AtThreshold::threshold)
                .containsExactly(0.5, 0.6, 0.7, 0.8, 0.9);
        assertThat(r.thresholds()).extracting(Reliability.AtThreshold::routed).containsExactly(4, 3, 2, 2, 1);
        assertThat(r.thresholds().get(0).coverage()).isCloseTo(0.8, within(1e-12));
        assertThat(r.thresholds().get(0).accuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(r.thresholds().get(1).accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.thresholds().get(4).accuracy()).isEqualTo(1.0);
    }

    @Test
    void perfectly_calibrated_confidences_have_no_calibration_error() {
        double[] confidence = new double[10];
        boolean[] correct = new boolean[10];
        for (int i = 0; i < 10; i++) {
            confidence[i] = 0.8;
            correct[i] = i < 8;
        }

        assertThat(Reliability.of(confidence, correct).expectedCalibrationError()).isCloseTo(0, within(1e-12));
        assertThat(Reliability.of(confidence, correct).report()).contains("calibration error (ECE, 10 bins): 0.0000");
    }
}
