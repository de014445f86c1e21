package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalTests {

    @Test
    void binomialCdfMatchesHandComputedValues() {
        assertThat(Interval.binomialCdf(10, 1)).isCloseTo(11 / 1024.0, within(1e-12));
        assertThat(Interval.binomialCdf(10, 2)).isCloseTo(56 / 1024.0, within(1e-12));
        assertThat(Interval.binomialCdf(10, 10)).isCloseTo(1, within(1e-12));
        assertThat(Interval.binomialCdf(10, -1)).isZero();
    }

    @Test
    void tenSamplesGiveTheSecondAndNinthOrderStatistics() {
        // P(B <= 1) = 11/1024: [x(2), x(9)] covers 97.9%; [x(3), x(8)] would cover only 89.1%.
        Interval interval = Interval.ofMedian(new double[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5});

        assertThat(interval.median()).isEqualTo(5.5);
        assertThat(interval.low()).isEqualTo(2);
        assertThat(interval.high()).isEqualTo(9);
        assertThat(interval.confidence()).isCloseTo(1 - 22 / 1024.0, within(1e-12));
        assertThat(interval.confident()).isTrue();
        assertThat(interval.samples()).isEqualTo(10);
    }

    @Test
    void twelveSamplesGiveTheThirdAndTenthOrderStatistics() {
        // P(B <= 2) = 79/4096 = 0.019: [x(3), x(10)] covers 96.1%.
        Interval interval = Interval.ofMedian(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});

        assertThat(interval.low()).isEqualTo(3);
        assertThat(interval.high()).isEqualTo(10);
        assertThat(interval.confidence()).isCloseTo(1 - 2 * 79 / 4096.0, within(1e-12));
    }

    @Test
    void twentySamplesGiveTheSixthAndFifteenthOrderStatistics() {
        // P(B <= 5) = 21700/1048576 = 0.0207: [x(6), x(15)] covers 95.9%; [x(7), x(14)] would cover only 88.5%.
        double[] samples = new double[20];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 20 - i;
        }
        Interval interval = Interval.ofMedian(samples);

        assertThat(interval.low()).isEqualTo(6);
        assertThat(interval.high()).isEqualTo(15);
        assertThat(interval.confidence()).isCloseTo(1 - 2 * 21700 / 1048576.0, within(1e-12));
    }

    @Test
    void fewSamplesFallBackToTheRangeWithItsLowerConfidence() {
        Interval three = Interval.ofMedian(new double[] {3, 1, 2});
        Interval one = Interval.ofMedian(new double[] {4});

        assertThat(three.low()).isEqualTo(1);
        assertThat(three.high()).isEqualTo(3);
        assertThat(three.confidence()).isEqualTo(0.75);
        assertThat(three.confident()).isFalse();
        assertThat(one.low()).isEqualTo(4);
        assertThat(one.high()).isEqualTo(4);
        assertThat(one.confidence()).isZero();
        assertThatThrownBy(() -> Interval.ofMedian(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratiosAndDifferencesArePerPair() {
        double[] raw = {100, 200, 400, 100, 200, 400};
        double[] session = {101, 202, 404, 101, 202, 404};

        Interval ratios = Interval.ofRatios(raw, session);
        Interval differences = Interval.ofDifferences(raw, session);

        // Every pair has the same ratio although the sides vary fourfold: pairing removes the drift.
        assertThat(ratios.low()).isCloseTo(1.01, within(1e-12));
        assertThat(ratios.high()).isCloseTo(1.01, within(1e-12));
        assertThat(differences.median()).isEqualTo(2);
        assertThat(differences.low()).isEqualTo(1);
        assertThat(differences.high()).isEqualTo(4);
        assertThatThrownBy(() -> Interval.ofRatios(raw, new double[] {1}))
                .hasMessageContaining("pairs need as many raw as session samples");
    }

    @Test
    void coversTheTrueMedianAtLeastNineteenTimesInTwenty() {
        SplittableRandom random = new SplittableRandom(42);
        int covered = 0;
        int trials = 4_000;
        for (int t = 0; t < trials; t++) {
            double[] samples = new double[12];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = -Math.log(1 - random.nextDouble()); // exponential, median ln 2
            }
            Interval interval = Interval.ofMedian(samples);
            if (interval.low() <= Math.log(2) && Math.log(2) <= interval.high()) {
                covered++;
            }
        }
        // Nominal 96.1%; 4,000 trials put the observed rate within about 0.6 points of it.
        assertThat(covered / (double) trials).isBetween(0.945, 0.975);
    }
}
