package io.github.awsbidi.benchmarks;

import java.util.Locale;

/**
 * A row's target, judged on the 95% interval rather than on a median: {@code ok} when the whole interval meets it,
 * {@code MISS} when the whole interval fails it, {@code unclear} when the interval straddles the limit (more pairs,
 * or a quieter machine, would decide).
 */
record Goal(Kind kind, double limit) {

    enum Kind {
        /** Informational: no target. */
        NONE,
        /** session/raw must be at least {@code limit} (throughput), on the interval of per-pair ratios. */
        MIN_RATIO,
        /** session/raw must be at most {@code limit} (latency, CPU), on the interval of per-pair ratios. */
        MAX_RATIO,
        /** session - raw must be at most {@code limit}, in the row's unit (memory, allocation), per pair. */
        MAX_EXCESS,
        /** The session's own values must stay below {@code limit}, in the row's unit (live-audio p99). */
        BELOW,
        /** The session's own values must reach at least {@code limit}, in the row's unit (the knee). */
        AT_LEAST
    }

    static final Goal NONE = new Goal(Kind.NONE, 0);

    static Goal minRatio(double limit) {
        return new Goal(Kind.MIN_RATIO, limit);
    }

    static Goal maxRatio(double limit) {
        return new Goal(Kind.MAX_RATIO, limit);
    }

    static Goal maxExcess(double limit) {
        return new Goal(Kind.MAX_EXCESS, limit);
    }

    static Goal below(double limit) {
        return new Goal(Kind.BELOW, limit);
    }

    static Goal atLeast(double limit) {
        return new Goal(Kind.AT_LEAST, limit);
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
