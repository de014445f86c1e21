package io.github.awsbidi.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * What every session reports while the load runs, safe to record from any thread: latencies into HdrHistogram
 * recorders (wait-free), counts into adders. The progress line reads every latency of its last two seconds;
 * {@link #latencyTotal()} the measured window's. Latencies of frames sent and first responses of streams asked for during the cold start (the
 * run's first seconds: class loading, JIT, every stream's TLS handshake) go to their own histograms, so that the
 * steady state is reported apart from what a freshly started instance costs its first callers; the steady state is
 * the frames sent in the {@link MeasuredWindow}, when every session is open, whenever their responses come.
 */
final class Measurements {

    /** Latencies above this are recorded as this (an hour: nothing real-time waits longer). */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder firstResponse = new Recorder(HIGHEST_MICROS, 3);
    // Every latency, whenever its frame was sent: the progress line's.
    private final Recorder recent = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder pacerLag = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder coldLatency = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder coldFirstResponse = new Recorder(HIGHEST_MICROS, 3);
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder framesInWindow = new LongAdder();
    private final LongAdder responses = new LongAdder();
    private final LongAdder turns = new LongAdder();
    private final LongAdder bargeIns = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final Map<String, String> firstFailure = new ConcurrentHashMap<>();

    /** Frames sent in it are the steady state; none before it is known. */
    private volatile @Nullable MeasuredWindow window;

    /** Frames sent and streams asked for before this ({@link System#nanoTime()}) belong to the cold start. */
    private volatile long coldUntil = Long.MIN_VALUE;

    /** The run started at {@code startedAt} ({@link System#nanoTime()}); its first {@code coldStart} is reported apart. */
    void start(long startedAt, Duration coldStart) {
        this.coldUntil = startedAt + coldStart.toNanos();
    }

    /** Latencies of frames sent in {@code measured} are the steady state's; set before it starts. */
    void measure(MeasuredWindow measured) {
        this.window = measured;
    }

    /**
     * A latency from {@code from} (when the frame was sent, or the user's speech ended) to {@code now}: the cold
     * start's if {@code from} falls in it, the steady state's if it falls in the measured window, else not counted
     * (the ramp, the warm-up, the sessions' end).
     */
    void latency(long from, long now) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, (now - from) / 1_000));
        MeasuredWindow measured = window;
        recent.recordValue(micros);
        if (from < coldUntil) {
            coldLatency.recordValue(micros);
        } else if (measured != null && measured.holds(from)) {
            latency.recordValue(micros);
        }
    }

    /**
     * A frame due at {@code due} (its session's first frame plus 32 ms a frame) went out at {@code sent}: how far a
     * busy client's pacer falls behind real time, counted for frames due in the measured window. Frame latency is
     * measured from {@code sent}, as the benchmark's, so this lag comes on top of it for a caller.
     */
    void paced(long due, long sent) {
        MeasuredWindow measured = window;
        if (measured != null && measured.holds(due)) {
            pacerLag.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (sent - due) / 1_000)));
        }
    }

    /** The time from asking for a stream at {@code askedAt} to its first response at {@code now}. */
    void firstResponse(long askedAt, long now) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, (now - askedAt) / 1_000));
        (askedAt < coldUntil ? coldFirstResponse : firstResponse).recordValue(micros);
    }

    /** A frame (a word, for Polly) sent at {@code nanos} ({@link System#nanoTime()}). */
    void frameSent(long nanos) {
        framesSent.increment();
        MeasuredWindow measured = window;
        if (measured != null && measured.holds(nanos)) {
            framesInWindow.increment();
        }
    }

    void response() {
        responses.increment();
    }

    void turn() {
        turns.increment();
    }

    void bargeIn() {
        bargeIns.increment();
    }

    void opened() {
        open.incrementAndGet();
    }

    void ended(Outcome outcome, boolean wasOpen) {
        if (wasOpen) {
            open.decrementAndGet();
        }
        if (outcome.completed()) {
            completed.incrementAndGet();
        } else {
            failed.computeIfAbsent(outcome.kind(), kind -> new LongAdder()).increment();
            firstFailure.putIfAbsent(outcome.kind(), outcome.detail());
        }
    }

    int openNow() {
        return open.get();
    }

    int completed() {
        return completed.get();
    }

    int failed() {
        return failed.values().stream().mapToInt(LongAdder::intValue).sum();
    }

    long framesSent() {
        return framesSent.sum();
    }

    /** Frames sent in the measured window, whose latencies are the steady state. */
    long framesInWindow() {
        return framesInWindow.sum();
    }

    long responses() {
        return responses.sum();
    }

    long turns() {
        return turns.sum();
    }

    long bargeIns() {
        return bargeIns.sum();
    }

    /** Failures by error kind, in name order. */
    Map<String, Long> failedByKind() {
        Map<String, Long> byKind = new TreeMap<>();
        failed.forEach((kind, count) -> byKind.put(kind, count.sum()));
        return byKind;
    }

    /** The first failure's message of each kind. */
    Map<String, String> firstFailures() {
        return new TreeMap<>(firstFailure);
    }

    /** Every latency recorded since the previous call, whenever its frame was sent; one caller (the progress line). */
    synchronized Histogram recentLatencies() {
        return recent.getIntervalHistogram();
    }

    /** The steady state: latencies of frames sent in the measured window; call once, at the end. */
    Histogram latencyTotal() {
        return latency.getIntervalHistogram();
    }

    /** How late the frames due in the measured window went out; call once, at the end. */
    Histogram pacerLagTotal() {
        return pacerLag.getIntervalHistogram();
    }

    /** First responses of streams asked for after the cold start; call once, at the end. */
    Histogram firstResponseTotal() {
        return firstResponse.getIntervalHistogram();
    }

    /** Latencies of frames sent during the cold start; call once, at the end. */
    Histogram coldLatencyTotal() {
        return coldLatency.getIntervalHistogram();
    }

    /** First responses of streams asked for during the cold start; call once, at the end. */
    Histogram coldFirstResponseTotal() {
        return coldFirstResponse.getIntervalHistogram();
    }

    /**
     * How a session ended.
     *
     * @param completed whether it streamed until the run finished it and ended cleanly
     * @param kind the error kind ({@code connection}, {@code throttling}, … or {@code timeout}), empty if completed
     * @param detail the error message, empty if completed
     */
    record Outcome(boolean completed, String kind, String detail) {

        static final Outcome COMPLETED = new Outcome(true, "", "");

        static Outcome failed(String kind, String detail) {
            return new Outcome(false, kind, detail);
        }
    }
}
