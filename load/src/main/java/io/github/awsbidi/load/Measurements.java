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

/**
 * What every session reports while the load runs, safe to record from any thread: latencies into HdrHistogram
 * recorders (wait-free), counts into adders. The progress line reads intervals; {@link #latencyTotal()} the whole
 * run. Latencies of frames sent and first responses of streams asked for during the cold start (the run's first
 * seconds: class loading, JIT, every stream's TLS handshake) go to their own histograms, so that the steady state is
 * reported apart from what a freshly started instance costs its first callers.
 */
final class Measurements {

    /** Latencies above this are recorded as this (an hour: nothing real-time waits longer). */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder firstResponse = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram latencyTotal = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram firstResponseTotal = new Histogram(HIGHEST_MICROS, 3);
    private final Recorder coldLatency = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder coldFirstResponse = new Recorder(HIGHEST_MICROS, 3);
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder responses = new LongAdder();
    private final LongAdder turns = new LongAdder();
    private final LongAdder bargeIns = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final Map<String, String> firstFailure = new ConcurrentHashMap<>();

    /** Frames sent before this ({@link System#nanoTime()}) are warm-up: their latencies are not recorded. */
    private volatile long recordFrom = Long.MIN_VALUE;

    /** Frames sent and streams asked for before this ({@link System#nanoTime()}) belong to the cold start. */
    private volatile long coldUntil = Long.MIN_VALUE;

    /**
     * The run started at {@code startedAt} ({@link System#nanoTime()}); its first {@code coldStart} is reported apart,
     * and latencies of frames sent before {@code recordFrom} (the warm-up) are not counted in the steady state.
     */
    void start(long startedAt, Duration coldStart, long recordFrom) {
        this.coldUntil = startedAt + coldStart.toNanos();
        this.recordFrom = recordFrom;
    }

    /**
     * A latency from {@code from} (when the frame was sent, or the user's speech ended) to {@code now}: the cold
     * start's if {@code from} falls in it, else the steady state's (unless it falls in the warm-up).
     */
    void latency(long from, long now) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, (now - from) / 1_000));
        if (from < coldUntil) {
            coldLatency.recordValue(micros);
        } else if (from >= recordFrom) {
            latency.recordValue(micros);
        }
    }

    /** The time from asking for a stream at {@code askedAt} to its first response at {@code now}. */
    void firstResponse(long askedAt, long now) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, (now - askedAt) / 1_000));
        (askedAt < coldUntil ? coldFirstResponse : firstResponse).recordValue(micros);
    }

    void frameSent() {
        framesSent.increment();
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

    /**
     * The latencies recorded since the previous call, added to the run's totals. Called by one thread (the progress
     * line, then the report).
     */
    synchronized Histogram latencyInterval() {
        Histogram interval = latency.getIntervalHistogram();
        latencyTotal.add(interval);
        firstResponseTotal.add(firstResponse.getIntervalHistogram());
        return interval;
    }

    /** Every latency of the run (after a last {@link #latencyInterval()}). */
    synchronized Histogram latencyTotal() {
        latencyInterval();
        return latencyTotal.copy();
    }

    synchronized Histogram firstResponseTotal() {
        latencyInterval();
        return firstResponseTotal.copy();
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
     * @param completed whether it streamed all its audio and ended cleanly
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
