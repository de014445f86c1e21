package io.github.awsbidi.load;

import java.time.Duration;

/**
 * When a run measures, in {@link System#nanoTime()}: a window of {@code --duration} in which every session is open
 * and streaming, as the benchmark's live-audio trials measure. It opens {@link #SETTLE} after the last session opened
 * (its first frames, the last handshakes' work), and not before the cold start is over; the sessions finish together
 * {@link #GRACE} after it closes, so neither a session's start nor its end falls inside it.
 *
 * @param start the first send time measured
 * @param end the first send time no longer measured
 */
record MeasuredWindow(long start, long end) {

    /** From the last session opening to the window: as the benchmark, a second at full load before measuring. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    /** From the window's end to finishing the sessions: frames sent near the end are answered at full load. */
    static final Duration GRACE = Duration.ofMillis(500);

    MeasuredWindow {
        if (end - start <= 0) {
            throw new IllegalArgumentException("the window must end after it starts");
        }
    }

    /**
     * The window of a run started at {@code runStart} whose measured sessions were all open (or had failed) at
     * {@code allOpenAt}, measuring for {@code length} once {@code coldStart} is over.
     */
    static MeasuredWindow of(long runStart, long allOpenAt, Duration coldStart, Duration length) {
        long start = Math.max(allOpenAt + SETTLE.toNanos(), runStart + coldStart.toNanos());
        return new MeasuredWindow(start, start + length.toNanos());
    }

    /** Whether a frame sent at {@code nanos} is measured. */
    boolean holds(long nanos) {
        return nanos - start >= 0 && nanos - end < 0;
    }

    /** When the sessions finish: after the window, so their ends fall outside it. */
    long finishAt() {
        return end + GRACE.toNanos();
    }

    long nanos() {
        return end - start;
    }
}
