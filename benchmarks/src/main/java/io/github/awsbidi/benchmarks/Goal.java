package io.github.awsbidi.benchmarks;

import java.util.Locale;

/** A row's target, comparing the session's median to the raw SDK's. */
record Goal(Kind kind, double limit) {

    enum Kind {
        /** Informational: no target. */
        NONE,
        /** session/raw must be at least {@code limit} (throughput). */
        MIN_RATIO,
        /** session/raw must be at most {@code limit} (latency). */
        MAX_RATIO,
        /** session - raw must be at most {@code limit}, in the row's unit (memory). */
        MAX_EXCESS
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

    /** The target and whether the medians meet it, e.g. {@code >= 0.95 ok}; empty without a target. */
    String verdict(double raw, double session, String unit) {
        return switch (kind) {
            case NONE -> "";
            case MIN_RATIO -> String.format(Locale.ROOT, ">= %.2f %s", limit, session / raw >= limit ? "ok" : "MISS");
            case MAX_RATIO -> String.format(Locale.ROOT, "<= %.2f %s", limit, session / raw <= limit ? "ok" : "MISS");
            case MAX_EXCESS -> String.format(Locale.ROOT, "<= raw + %s %s: %s (%+.1f)", Numbers.format(limit), unit,
                    session - raw <= limit ? "ok" : "MISS", session - raw);
        };
    }
}
