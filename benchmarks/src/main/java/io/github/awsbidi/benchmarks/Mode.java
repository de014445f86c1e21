package io.github.awsbidi.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much of everything to run.
 *
 * @param name {@code short} or {@code full}
 * @param warmups iterations run and discarded before measuring, per side
 * @param iterations measured iterations per side (throughput, latency, Polly, ceiling)
 * @param smallFrames frames per throughput iteration at 200 bytes
 * @param audioFrames frames per throughput iteration at 3,200 bytes
 * @param pings round trips per latency iteration (echo frames, or Polly's flushed texts); the CPU per frame rows
 *     divide a trial's CPU time by them, so a trial must last long enough (a third of a second or more) that a
 *     collection or a timer is a small part of it
 * @param pingPairs raw/session pairs of latency iterations (echo and Polly): on a shared machine a trial's CPU per
 *     frame varies from trial to trial by a tenth or more whatever its length (measured: 15,000 round trips per
 *     trial gave intervals no narrower than 5,000), so many short pairs decide the per-frame targets where a few
 *     long ones cannot
 * @param concurrency stream counts of the concurrency rows
 * @param concurrencyIterations measured iterations of each concurrency level, per side
 * @param loadPings round trips per stream while all streams are open
 * @param ceilingStreams parallel streams that load the emulator
 * @param ceilingFrames frames per stream per ceiling iteration: several seconds of the emulator's CPU, so that the
 *     streams' opening and the emulator's collections weigh little in its CPU per frame
 * @param timeout the longest any one step may take before the run fails
 * @param concurrencyWarmUpStreams streams of the unmeasured warm-up before the concurrency levels (class loading and
 *     connection set-up on both sides)
 * @param liveStreams concurrent real-time streams of the live-audio rows
 * @param liveSeconds the measured window of each live-audio trial
 * @param livePairs raw/session pairs of live-audio trials
 * @param memoryStreams idle open streams per trial of the memory rows (one child JVM per collector setting)
 * @param memoryPairs raw/session pairs of memory trials per setting (Polly's heap row too)
 * @param liveWarmupSeconds an unmeasured live-audio trial per side before the pairs, at full load (JIT and the
 *     first handshakes on both client and emulator, so no backlog from them reaches a measured window)
 * @param kneeLevels stream counts the knee search climbs, in order, until a side's p99 reaches 100 ms
 * @param ownDefaultsPairs raw/session pairs of the live-audio rows with each side at its own defaults: fewer than
 *     {@code livePairs}, because a raw trial there waits out the SDK's 10 s acquire timeout for every stream beyond
 *     its 50 (about a minute a trial at 500 streams), and the two sides lie orders of magnitude apart
 * @param clientShape how both sides' clients carry their streams
 */
record Mode(
        String name,
        int warmups,
        int iterations,
        int smallFrames,
        int audioFrames,
        int pings,
        int pingPairs,
        List<Integer> concurrency,
        int concurrencyIterations,
        int loadPings,
        int ceilingStreams,
        int ceilingFrames,
        Duration timeout,
        int concurrencyWarmUpStreams,
        int liveStreams,
        int liveSeconds,
        int livePairs,
        int memoryStreams,
        int memoryPairs,
        int liveWarmupSeconds,
        List<Integer> kneeLevels,
        int ownDefaultsPairs,
        ClientShape clientShape) {

    /** A quicker look: 10 pairs for the single-stream rows, smaller loads (100 live-audio streams, 50 idle ones). */
    static final Mode SHORT = new Mode(
            "short",
            1,
            10,
            2_500,
            1_200,
            300,
            10,
            List.of(100),
            1,
            3,
            8,
            1_000,
            Duration.ofSeconds(90),
            20,
            100,
            4,
            1,
            50,
            1,
            3,
            List.of(100, 200, 300),
            1,
            ClientShape.DEFAULTS);

    /**
     * The run the table in docs/load-and-benchmarks.md comes from (about 45 minutes on two cores): 20 pairs for the
     * throughput and ceiling rows (a 96% interval from the 6th and 15th of 20), 60 pairs of 2,000 round trips for the
     * one-frame-in-flight rows (the 22nd and 39th of 60), 10 pairs of 500 live-audio streams (the 2nd and 9th of 10:
     * one trial that carries a backlog does not decide the row alone) and 6 at each side's own defaults, 6 pairs of
     * the memory rows, and the knee search.
     */
    static final Mode FULL = new Mode(
            "full",
            2,
            20,
            3_000,
            1_500,
            2_000,
            60,
            List.of(100, 1_000),
            1,
            5,
            8,
            20_000,
            Duration.ofSeconds(180),
            50,
            500,
            6,
            10,
            256,
            6,
            8,
            List.of(150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800),
            6,
            ClientShape.DEFAULTS);

    static Mode parse(String text) {
        return switch (text) {
            case "short" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown mode '" + text + "', expected short or full");
        };
    }

    Mode withConcurrency(List<Integer> levels) {
        return new Mode(
                name,
                warmups,
                iterations,
                smallFrames,
                audioFrames,
                pings,
                pingPairs,
                List.copyOf(levels),
                concurrencyIterations,
                loadPings,
                ceilingStreams,
                ceilingFrames,
                timeout,
                concurrencyWarmUpStreams,
                liveStreams,
                liveSeconds,
                livePairs,
                memoryStreams,
                memoryPairs,
                liveWarmupSeconds,
                kneeLevels,
                ownDefaultsPairs,
                clientShape);
    }

    Mode withLiveStreams(int streams) {
        return new Mode(
                name,
                warmups,
                iterations,
                smallFrames,
                audioFrames,
                pings,
                pingPairs,
                concurrency,
                concurrencyIterations,
                loadPings,
                ceilingStreams,
                ceilingFrames,
                timeout,
                concurrencyWarmUpStreams,
                streams,
                liveSeconds,
                livePairs,
                memoryStreams,
                memoryPairs,
                liveWarmupSeconds,
                kneeLevels,
                ownDefaultsPairs,
                clientShape);
    }

    Mode withClientShape(ClientShape shape) {
        return new Mode(
                name,
                warmups,
                iterations,
                smallFrames,
                audioFrames,
                pings,
                pingPairs,
                concurrency,
                concurrencyIterations,
                loadPings,
                ceilingStreams,
                ceilingFrames,
                timeout,
                concurrencyWarmUpStreams,
                liveStreams,
                liveSeconds,
                livePairs,
                memoryStreams,
                memoryPairs,
                liveWarmupSeconds,
                kneeLevels,
                ownDefaultsPairs,
                shape);
    }
}
