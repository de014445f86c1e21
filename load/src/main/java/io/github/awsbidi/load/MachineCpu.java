package io.github.awsbidi.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The machine's idle share, from {@code /proc/stat} as the benchmark reads it: with the emulator on the same machine,
 * a window whose idle share is near zero was measured on a saturated machine, whatever the latencies say.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");

    private MachineCpu() {}

    /** The machine's idle and total CPU time so far, in clock ticks over all cores, or {@code null} without it. */
    static long @Nullable [] ticks() {
        try {
            for (String line : Files.readAllLines(STAT)) {
                if (line.startsWith("cpu ")) {
                    return parse(line);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Idle (idle and iowait) and total ticks of a {@code /proc/stat} {@code cpu} line. */
    static long[] parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
        return new long[] {idle, total};
    }

    /** The idle share between two {@link #ticks()} readings, or {@code null} where either is missing. */
    static @Nullable Double idleShare(long @Nullable [] before, long @Nullable [] after) {
        if (before == null || after == null || after[1] <= before[1]) {
            return null;
        }
        return (double) (after[0] - before[0]) / (after[1] - before[1]);
    }
}
