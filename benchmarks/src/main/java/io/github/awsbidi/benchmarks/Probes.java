package io.github.awsbidi.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** This JVM's heap and CPU, and waiting for futures with a deadline. */
final class Probes {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        // Both are on by default on HotSpot; switched on here so that a JVM flag cannot silently zero the rows.
        THREADS.setThreadCpuTimeEnabled(true);
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    private Probes() {}

    /**
     * The CPU time of every live Java thread (client, Netty event loops, SDK threads) now, per thread: the work the
     * client code asks for, without the collector's and the JIT compiler's threads, which {@link #cpuNanos()}
     * includes and which make it noisier. {@link ThreadCpu#elapsedNanos()} gives the time spent since.
     */
    static ThreadCpu threadCpu() {
        long[] ids = THREADS.getAllThreadIds();
        return new ThreadCpu(ids, THREADS.getThreadCpuTime(ids));
    }

    /**
     * Java threads' CPU times at one moment, by thread. The time since is summed thread by thread: a thread that
     * started since counts all of its time, one that ended since counts none, rather than the negative of its whole
     * life, as a difference of two sums over the live threads would (the SDK's short-lived threads do come and go
     * within a trial: one or two per trial, each under a millisecond of CPU, in the one-frame-in-flight rows).
     */
    static final class ThreadCpu {

        private final Map<Long, Long> nanosByThread = new HashMap<>();

        private ThreadCpu(long[] ids, long[] nanos) {
            for (int i = 0; i < ids.length; i++) {
                if (nanos[i] >= 0) {
                    nanosByThread.put(ids[i], nanos[i]);
                }
            }
        }

        /** CPU time the Java threads spent since this snapshot, in nanoseconds. */
        long elapsedNanos() {
            long[] ids = THREADS.getAllThreadIds();
            long[] nanos = THREADS.getThreadCpuTime(ids);
            long total = 0;
            for (int i = 0; i < ids.length; i++) {
                if (nanos[i] >= 0) {
                    total += nanos[i] - nanosByThread.getOrDefault(ids[i], 0L);
                }
            }
            return total;
        }
    }

    /** Bytes allocated on the heap by every thread since the JVM started, ended threads included (JDK 14+). */
    static long allocatedBytes() {
        return THREADS.getTotalThreadAllocatedBytes();
    }

    /** Heap in use after full collections, once it stops shrinking (at most five). */
    static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50); // lets reference processing and Netty's cleaners run between collections
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }

    /**
     * The machine's idle and total CPU time so far, in clock ticks summed over every core ({@code /proc/stat}'s
     * {@code cpu} line: idle and iowait count as idle), or {@code null} where the system has no such file.
     */
    static long @Nullable [] machineTicks() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] fields = line.trim().split("\\s+");
                    long total = 0;
                    for (int i = 1; i < fields.length; i++) {
                        total += Long.parseLong(fields[i]);
                    }
                    long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
                    return new long[] {idle, total};
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The share of the machine's CPU that was idle between two {@link #machineTicks()} readings, or NaN. */
    static double idleShare(long @Nullable [] before, long @Nullable [] after) {
        if (before == null || after == null || after[1] <= before[1]) {
            return Double.NaN;
        }
        return (double) (after[0] - before[0]) / (after[1] - before[1]);
    }

    /** CPU time of every thread of this JVM (client, Netty, GC, JIT), in nanoseconds. */
    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " took longer than " + timeout, e);
        }
    }
}
