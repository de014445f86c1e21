package io.github.awsbidi.benchmarks;

import java.util.Arrays;

/**
 * A median with a distribution-free confidence interval: the order statistics {@code x(k)} and {@code x(n-k+1)} of
 * the sorted samples, with the largest {@code k} whose two-sided coverage under the binomial(n, 1/2) law of "how
 * many samples fall below the true median" is still at least {@link #TARGET_CONFIDENCE}. Assumes nothing about the
 * distribution, only that the samples are independent, which interleaved raw/session pairs are close to. With fewer
 * than six samples no interval reaches 95%: the interval is then the whole range, with its lower confidence.
 *
 * @param median the sample median
 * @param low the lower bound
 * @param high the upper bound
 * @param confidence the interval's actual coverage (at least 0.95 from six samples on)
 * @param samples how many samples
 */
record Interval(double median, double low, double high, double confidence, int samples) {

    static final double TARGET_CONFIDENCE = 0.95;

    /** The median of {@code values} with its interval. */
    static Interval ofMedian(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int k = 1;
        // Widen inwards while the coverage stays at or above the target: P(B <= k - 1) is the chance that x(k) lies
        // above the true median (and, by symmetry, that x(n-k+1) lies below it).
        while (k < (n + 1) / 2 && 1 - 2 * binomialCdf(n, k) >= TARGET_CONFIDENCE) {
            k++;
        }
        double confidence = 1 - 2 * binomialCdf(n, k - 1);
        return new Interval(Numbers.median(sorted), sorted[k - 1], sorted[n - k], Math.max(0, confidence), n);
    }

    /** The median of the per-pair ratios {@code session[i] / raw[i]}, with its interval. */
    static Interval ofRatios(double[] raw, double[] session) {
        requirePaired(raw, session);
        double[] ratios = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            ratios[i] = session[i] / raw[i];
        }
        return ofMedian(ratios);
    }

    /** The median of the per-pair differences {@code session[i] - raw[i]}, with its interval. */
    static Interval ofDifferences(double[] raw, double[] session) {
        requirePaired(raw, session);
        double[] differences = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            differences[i] = session[i] - raw[i];
        }
        return ofMedian(differences);
    }

    /** Whether the interval reaches the 95% target (six or more samples). */
    boolean confident() {
        return confidence >= TARGET_CONFIDENCE;
    }

    /** P(B <= j) for B ~ binomial(n, 1/2); 0 for j < 0. */
    static double binomialCdf(int n, int j) {
        if (j < 0) {
            return 0;
        }
        double sum = 0;
        double term = Math.pow(0.5, n); // C(n, 0) / 2^n
        for (int i = 0; i <= Math.min(j, n); i++) {
            sum += term;
            term = term * (n - i) / (i + 1);
        }
        return Math.min(1, sum);
    }

    private static void requirePaired(double[] raw, double[] session) {
        if (raw.length != session.length) {
            throw new IllegalArgumentException(
                    "pairs need as many raw as session samples: " + raw.length + " and " + session.length);
        }
    }
}
