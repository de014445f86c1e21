package io.github.awsbidi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The knee of live audio: the most concurrent real-time streams (1,024 B every 32 ms each, client and emulator on this
 * machine) whose frame latency p99 stays below {@value #P99_LIMIT_MILLIS} ms. Climbs {@link Mode#kneeLevels()} with a
 * raw and a session trial at each level (which goes first alternates); a side stops climbing at its first level that
 * misses, or fails to open, and its knee is the level below. One sweep per run: the row says so, and the 500-stream
 * live-audio rows, with their pairs, carry the interval.
 */
final class KneeBenchmark {

    static final double P99_LIMIT_MILLIS = 100;

    private final LiveAudioBenchmark live;
    private final Mode mode;

    KneeBenchmark(LiveAudioBenchmark live, Mode mode) {
        this.live = live;
        this.mode = mode;
    }

    List<Row> run(Operation operation) throws InterruptedException {
        List<Integer> levels = mode.kneeLevels();
        live.warmUp(operation, levels.get(0));
        PerSide<Integer> knee = new PerSide<>();
        PerSide<Boolean> climbing = new PerSide<>();
        List<String> seen = new ArrayList<>();
        for (Side side : Side.values()) {
            knee.put(side, 0);
            climbing.put(side, true);
        }
        for (int i = 0; i < levels.size(); i++) {
            int streams = levels.get(i);
            for (Side side : Sides.inTurn(i)) {
                if (!climbing.get(side)) {
                    continue;
                }
                double p99 = p99(side, operation, streams);
                seen.add(String.format(
                        Locale.ROOT,
                        "%s %d: %s",
                        side.name().toLowerCase(Locale.ROOT),
                        streams,
                        Double.isFinite(p99) ? Numbers.format(p99) + " ms" : "failed"));
                System.err.println("[bench] knee, " + operation.label() + ", " + seen.get(seen.size() - 1));
                if (p99 < P99_LIMIT_MILLIS) {
                    knee.put(side, streams);
                } else {
                    climbing.put(side, false);
                }
            }
            if (!climbing.get(Side.RAW) && !climbing.get(Side.SESSION)) {
                break;
            }
        }
        String levelsText = levels.stream().map(String::valueOf).collect(Collectors.joining(","));
        return List.of(Row.compared(
                "knee: most live-audio streams with p99 < 100 ms (one sweep over " + levelsText + "; "
                        + String.join(", ", seen) + ")",
                operation,
                "streams",
                Goal.atLeast(350),
                new double[] {knee.get(Side.RAW)},
                new double[] {knee.get(Side.SESSION)}));
    }

    /** The trial's p99, or infinity when its streams did not all open or run. */
    private double p99(Side side, Operation operation, int streams) throws InterruptedException {
        try {
            return live.trial(side, operation, streams, mode.liveSeconds()).p99Millis();
        } catch (IllegalStateException e) {
            System.err.println("[bench] knee, " + operation.label() + ", " + side.label() + " at " + streams
                    + " streams failed: " + e.getMessage());
            return Double.POSITIVE_INFINITY;
        }
    }
}
