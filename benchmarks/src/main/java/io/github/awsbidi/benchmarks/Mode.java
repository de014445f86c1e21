package io.github.awsbidi.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much of everything to run.
 *
 * @param name {@code short} or {@code full}
 * @param warmups iterations run and discarded before measuring, per side
 * @param iterations measured iterations per side (throughput, latency, ceiling)
 * @param smallFrames frames per throughput iteration at 200 bytes
 * @param audioFrames frames per throughput iteration at 3,200 bytes
 * @param pings round trips per latency iteration
 * @param concurrency stream counts of the concurrency rows
 * @param concurrencyIterations measured iterations of each concurrency level, per side
 * @param loadPings round trips per stream while all streams are open
 * @param ceilingStreams parallel streams that load the emulator
 * @param ceilingFrames frames per stream per ceiling iteration
 * @param timeout the longest any one step may take before the run fails
 * @param concurrencyWarmUpStreams streams of the unmeasured warm-up before the concurrency levels (class loading and
 *     connection set-up on both sides)
 */
record Mode(String name, int warmups, int iterations, int smallFrames, int audioFrames, int pings,
        List<Integer> concurrency, int concurrencyIterations, int loadPings, int ceilingStreams, int ceilingFrames,
        Duration timeout, int concurrencyWarmUpStreams) {

    /** About two minutes on two quiet cores: 2,000 streams are left to the full mode. */
    static final Mode SHORT = new Mode("short", 1, 3, 2_500, 1_200, 300, List.of(100, 1_000), 1, 3, 8,
            1_000, Duration.ofSeconds(90), 20);

    static final Mode FULL = new Mode("full", 2, 7, 20_000, 10_000, 2_000, List.of(100, 1_000, 2_000), 3, 20, 16,
            5_000, Duration.ofSeconds(180), 100);

    static Mode parse(String text) {
        return switch (text) {
            case "short" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown mode '" + text + "', expected short or full");
        };
    }

    Mode withConcurrency(List<Integer> levels) {
        return new Mode(name, warmups, iterations, smallFrames, audioFrames, pings, List.copyOf(levels),
                concurrencyIterations, loadPings, ceilingStreams, ceilingFrames, timeout, concurrencyWarmUpStreams);
    }
}
