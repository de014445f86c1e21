package io.github.awsbidi.benchmarks;

import java.util.Locale;

/**
 * A row's target, judged on the 95% interval rather than on a median: {@code ok} when the whole interval meets it,
 * {@code MISS} when the whole interval fails it, {@code unclear} when the interval straddles the limit (more pairs,
 * or a quieter machine, would decide). {@link Kind#MAX_MEDIAN_RATIO} also holds the median to its limit.
 *
 * @param kind what is compared
 * @param limit the limit (of the median, for {@link Kind#MAX_MEDIAN_RATIO})
 * @param bound the limit of the interval's upper end ({@link Kind#MAX_MEDIAN_RATIO}; {@code limit} otherwise)
 */
record Goal(Kind kind, double limit, double bound) {

    enum Kind {
        /** Informational: no target. */
        NONE,
        /** session/raw must be at least {@code limit} (throughput), on the interval of per-pair ratios. */
        MIN_RATIO,
        /** session/raw must be at most {@code limit} (latency, CPU), on the interval of per-pair ratios. */
        MAX_RATIO,
        /**
         * The median of the per-pair ratios session/raw at most {@code limit} and the interval's upper end at most
         * {@code bound} (CPU per frame: a small median excess with a bounded worst case, as the targets state it).
         */
        MAX_MEDIAN_RATIO,
        /** session - raw must be at most {@code limit}, in the row's unit (memory, allocation), per pair. */
        MAX_EXCESS,
        /** The session's own values must stay below {@code limit}, in the row's unit (live-audio p99). */
        BELOW,
        /** The session's own values must reach at least {@code limit}, in the row's unit (the knee). */
        AT_LEAST
    }

    static final Goal NONE = new Goal(Kind.NONE, 0, 0);

    /** Client CPU per frame with one in flight: median session/raw at most 1.03, the interval's upper end 1.10. */
    static final Goal CPU_PER_FRAME = maxMedianRatio(1.03, 1.10);

    static Goal minRatio(double limit) {
        return new Goal(Kind.MIN_RATIO, limit, limit);
    }

    static Goal maxRatio(double limit) {
        return new Goal(Kind.MAX_RATIO, limit, limit);
    }

    /**
     * {@code ok} when the median ratio is at most {@code median} and the interval's upper end at most {@code bound};
     * {@code MISS} when the whole interval lies above {@code median}, or the median itself above {@code bound}.
     */
    static Goal maxMedianRatio(double median, double bound) {
        if (bound < median) {
            throw new IllegalArgumentException("the bound " + bound + " is below the median's limit " + median);
        }
        return new Goal(Kind.MAX_MEDIAN_RATIO, median, bound);
    }

    static Goal maxExcess(double limit) {
        return new Goal(Kind.MAX_EXCESS, limit, limit);
    }

    static Goal below(double limit) {
        return new Goal(Kind.BELOW, limit, limit);
    }

    static Goal atLeast(double limit) {
        return new Goal(Kind.AT_LEAST, limit, limit);
    }

    /** The target and how the interval meets it, e.g. {@code <= 1.03: ok}; empty without a target. */
    String verdict(double[] raw, double[] session, String unit) {
        return switch (kind) {
            case NONE -> "";
            case MIN_RATIO -> {
                Interval ratio = Interval.ofRatios(raw, session);
                yield String.format(
                        Locale.ROOT, ">= %.2f: %s", limit, judge(ratio.low() >= limit, ratio.high() < limit, ratio));
            }
            case MAX_RATIO -> {
                Interval ratio = Interval.ofRatios(raw, session);
                yield String.format(
                        Locale.ROOT, "<= %.2f: %s", limit, judge(ratio.high() <= limit, ratio.low() > limit, ratio));
            }
            case MAX_MEDIAN_RATIO -> {
                Interval ratio = Interval.ofRatios(raw, session);
                yield String.format(
                        Locale.ROOT,
                        "median <= %.2f, upper <= %.2f: %s",
                        limit,
                        bound,
                        judge(
                                ratio.median() <= limit && ratio.high() <= bound,
                                ratio.low() > limit || ratio.median() > bound,
                                ratio));
            }
            case MAX_EXCESS -> {
                Interval excess = Interval.ofDifferences(raw, session);
                yield String.format(
                        Locale.ROOT,
                        "<= raw + %s %s: %s (%s [%s, %s])",
                        Numbers.format(limit),
                        unit,
                        judge(excess.high() <= limit, excess.low() > limit, excess),
                        signed(excess.median()),
                        signed(excess.low()),
                        signed(excess.high()));
            }
            case BELOW -> {
                Interval values = Interval.ofMedian(session);
                yield String.format(
                        Locale.ROOT,
                        "session < %s %s: %s",
                        Numbers.format(limit),
                        unit,
                        judge(values.high() < limit, values.low() >= limit, values));
            }
            case AT_LEAST -> {
                Interval values = Interval.ofMedian(session);
                yield String.format(
                        Locale.ROOT,
                        "session >= %s %s: %s",
                        Numbers.format(limit),
                        unit,
                        judge(values.low() >= limit, values.high() < limit, values));
            }
        };
    }

    private static String judge(boolean met, boolean missed, Interval interval) {
        String word = met ? "ok" : missed ? "MISS" : "unclear";
        return interval.confident()
                ? word
                : String.format(Locale.ROOT, "%s (n=%d, range only)", word, interval.samples());
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + Numbers.format(value);
    }
}
