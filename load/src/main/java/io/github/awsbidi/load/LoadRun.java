package io.github.awsbidi.load;

import io.github.awsbidi.core.ErrorKind;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs the load: starts the sessions evenly over the ramp, feeds each a 32 ms frame every 32 ms from a small pool
 * of pacer threads (real-time pace: the audio does not wait for the stream), finishes each after its duration,
 * prints a progress line every two seconds and gathers the report.
 */
final class LoadRun {

    /** The longest a stream may take to open, on top of the ramp, before the run gives up on it. */
    private static final Duration OPEN_ALLOWANCE = Duration.ofSeconds(90);

    private static final long PROGRESS_MILLIS = 2_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LoadOptions options;
    private final AudioClip clip;
    private final PrintStream progress;
    private final Measurements measurements = new Measurements();
    private final long framesPerSession;
    private final AtomicLong lowestHeapAllOpen = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong framesAtWarmupEnd = new AtomicLong();
    private final @Nullable LongSupplier emulatorCpuNanos;
    private long started;

    /**
     * A run of {@code options}; {@code emulatorCpuNanos} reads the CPU time of an emulator this tool started, or is
     * {@code null} when the target runs elsewhere.
     */
    LoadRun(LoadOptions options, AudioClip clip, PrintStream progress, @Nullable LongSupplier emulatorCpuNanos) {
        this.options = options;
        this.clip = clip;
        this.progress = progress;
        this.emulatorCpuNanos = emulatorCpuNanos;
        this.framesPerSession = Math.max(1, options.duration().toNanos() / AudioClip.FRAME_NANOS);
    }

    LoadReport run() throws InterruptedException {
        long heapBefore = heapAfterGc();
        Instant startedAt = Instant.now();
        started = System.nanoTime();
        long measuredFrom = started + options.warmup().toNanos();
        measurements.start(started, options.coldStart(), measuredFrom);
        AtomicLong cpuBefore = new AtomicLong(OS.getProcessCpuTime());
        AtomicLong emulatorCpuBefore = new AtomicLong(emulatorCpu());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("load-pacer"));
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(daemon("load-watch"));
        LoadReport.LatencyKind latencyKind;
        List<CompletableFuture<Measurements.Outcome>> outcomes = new ArrayList<>(options.sessions());
        try (SessionFactory factory = SessionFactory.create(options)) {
            latencyKind = factory.latencyKind();
            watcher.scheduleAtFixedRate(this::sampleHeap, 100, 100, TimeUnit.MILLISECONDS);
            if (!options.warmup().isZero()) {
                watcher.schedule(
                        () -> {
                            cpuBefore.set(OS.getProcessCpuTime());
                            emulatorCpuBefore.set(emulatorCpu());
                            framesAtWarmupEnd.set(measurements.framesSent());
                        },
                        options.warmup().toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            watcher.scheduleAtFixedRate(this::printProgress, PROGRESS_MILLIS, PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
            int sessions = options.sessions();
            for (int i = 0; i < sessions; i++) {
                CompletableFuture<Measurements.Outcome> outcome = new CompletableFuture<>();
                outcomes.add(outcome);
                long delay = options.ramp().toNanos() * i / sessions;
                // Each session starts at another place in the clip, so the callers do not speak in chorus.
                long offset = 37L * i;
                pacer.schedule(
                        () -> start(factory.newSession(measurements), pacer, offset, outcome),
                        delay,
                        TimeUnit.NANOSECONDS);
            }
            awaitAll(outcomes);
        } finally {
            pacer.shutdownNow();
            watcher.shutdownNow();
        }
        long wall = System.nanoTime() - Math.min(System.nanoTime(), measuredFrom);
        long cpu = OS.getProcessCpuTime() - cpuBefore.get();
        long emulatorCpuAfter = emulatorCpu();
        Double emulatorCpuSeconds = emulatorCpuAfter < 0 || emulatorCpuBefore.get() < 0
                ? null
                : (emulatorCpuAfter - emulatorCpuBefore.get()) / 1e9;
        printProgress();
        long lowest = lowestHeapAllOpen.get();
        Double heapPerSessionKb =
                lowest == Long.MAX_VALUE ? null : Math.max(0, lowest - heapBefore) / 1024.0 / options.sessions();
        Histogram latency = measurements.latencyTotal();
        Histogram firstResponse = measurements.firstResponseTotal();
        long frames = measurements.framesSent();
        return new LoadReport(
                options.target().toString(),
                options.endpoint() != null ? options.endpoint().toString() : "AWS",
                startedAt,
                options.sessions(),
                options.duration().toMillis() / 1000.0,
                options.ramp().toMillis() / 1000.0,
                measurements.completed(),
                measurements.failed(),
                measurements.failedByKind(),
                measurements.firstFailures(),
                frames,
                measurements.responses(),
                latencyKind,
                LoadReport.Percentiles.of(latency),
                LoadReport.Percentiles.of(firstResponse),
                options.coldStart().toMillis() / 1000.0,
                LoadReport.Percentiles.of(measurements.coldLatencyTotal()),
                LoadReport.Percentiles.of(measurements.coldFirstResponseTotal()),
                options.warmup().toMillis() / 1000.0,
                cpu / 1e9,
                emulatorCpuSeconds,
                wall / 1e9,
                frames == 0 ? null : cpu / 1e3 / framesMeasured(frames),
                heapPerSessionKb,
                measurements.turns(),
                measurements.bargeIns(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                SessionFactory.connectionSettingsText(options));
    }

    private long emulatorCpu() {
        return emulatorCpuNanos != null ? emulatorCpuNanos.getAsLong() : -1;
    }

    /** Frames sent after the warm-up, estimated from the share of the run that it was not. */
    private long framesMeasured(long frames) {
        if (options.warmup().isZero()) {
            return frames;
        }
        long measured = measurements.framesSent() - framesAtWarmupEnd.get();
        return Math.max(1, measured);
    }

    private void start(
            LiveSession session,
            ScheduledExecutorService pacer,
            long offset,
            CompletableFuture<Measurements.Outcome> outcome) {
        CompletableFuture<Void> opened;
        try {
            opened = session.open();
        } catch (RuntimeException e) {
            end(outcome, failure(e), false);
            return;
        }
        opened.whenComplete((ignored, error) -> {
            if (error != null) {
                end(outcome, failure(error), false);
                return;
            }
            measurements.opened();
            stream(session, pacer, offset, outcome);
        });
    }

    private void stream(
            LiveSession session,
            ScheduledExecutorService pacer,
            long offset,
            CompletableFuture<Measurements.Outcome> outcome) {
        AtomicLong next = new AtomicLong();
        AtomicReference<ScheduledFuture<?>> ticking = new AtomicReference<>();
        AtomicInteger finished = new AtomicInteger();
        Runnable tick = () -> {
            try {
                long index = next.getAndIncrement();
                if (session.ended().isDone()) {
                    cancel(ticking);
                } else if (index < framesPerSession) {
                    session.send(clip.frame(index + offset), clip.voiced(index + offset), System.nanoTime());
                } else if (finished.compareAndSet(0, 1)) {
                    cancel(ticking);
                    session.finish();
                    pacer.schedule(
                            () -> {
                                if (session.ended()
                                        .completeExceptionally(new TimeoutException("the stream did not end within"
                                                + " --drain " + LoadOptions.format(options.drain())
                                                + " after its last frame"))) {
                                    session.cancel();
                                }
                            },
                            options.drain().toNanos(),
                            TimeUnit.NANOSECONDS);
                }
            } catch (RuntimeException e) {
                // A throwing periodic task is silently never run again: end the session instead.
                session.ended().completeExceptionally(e);
                session.cancel();
                cancel(ticking);
            }
        };
        ticking.set(pacer.scheduleAtFixedRate(tick, 0, AudioClip.FRAME_NANOS, TimeUnit.NANOSECONDS));
        session.ended().whenComplete((ignored, error) -> {
            cancel(ticking);
            if (error != null) {
                end(outcome, failure(error), true);
            } else if (finished.get() == 0) {
                end(
                        outcome,
                        Measurements.Outcome.failed(
                                "ended_early",
                                "the stream ended after " + Math.min(next.get(), framesPerSession) + " of "
                                        + framesPerSession + " frames"),
                        true);
            } else {
                end(outcome, Measurements.Outcome.COMPLETED, true);
            }
        });
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> ticking) {
        ScheduledFuture<?> future = ticking.get();
        if (future != null) {
            future.cancel(false);
        }
    }

    private void end(CompletableFuture<Measurements.Outcome> outcome, Measurements.Outcome result, boolean wasOpen) {
        if (outcome.complete(result)) {
            measurements.ended(result, wasOpen);
        }
    }

    static Measurements.Outcome failure(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String kind = cause instanceof TimeoutException
                ? "timeout"
                : ErrorKind.of(cause).tag();
        return Measurements.Outcome.failed(kind, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private void awaitAll(List<CompletableFuture<Measurements.Outcome>> outcomes) throws InterruptedException {
        Duration limit =
                options.ramp().plus(options.duration()).plus(options.drain()).plus(OPEN_ALLOWANCE);
        long deadline = System.nanoTime() + limit.toNanos();
        for (CompletableFuture<Measurements.Outcome> outcome : outcomes) {
            long left = deadline - System.nanoTime();
            try {
                outcome.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("an outcome cannot fail", e);
            } catch (TimeoutException e) {
                end(
                        outcome,
                        Measurements.Outcome.failed(
                                "timeout",
                                "no outcome within " + LoadOptions.format(limit) + " (ramp + duration + drain + "
                                        + OPEN_ALLOWANCE.toSeconds() + " s to open)"),
                        false);
            }
        }
    }

    private void sampleHeap() {
        if (measurements.openNow() == options.sessions()) {
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            lowestHeapAllOpen.accumulateAndGet(used, Math::min);
        }
    }

    private void printProgress() {
        Histogram interval = measurements.latencyInterval();
        String latency = System.nanoTime() - started < options.warmup().toNanos()
                ? "warming up"
                : interval.getTotalCount() == 0
                        ? "no responses"
                        : String.format(
                                Locale.ROOT,
                                "latency p50 %.1f ms, p99 %.1f ms",
                                interval.getValueAtPercentile(50) / 1e3,
                                interval.getValueAtPercentile(99) / 1e3);
        progress.printf(
                Locale.ROOT,
                "[load %5.1fs] open %d/%d, completed %d, failed %d, frames sent %,d,"
                        + " responses %,d, last 2 s: %s%n",
                (System.nanoTime() - started) / 1e9,
                measurements.openNow(),
                options.sessions(),
                measurements.completed(),
                measurements.failed(),
                measurements.framesSent(),
                measurements.responses(),
                latency);
    }

    /** Heap in use after full collections, once it stops shrinking (at most five). */
    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50); // lets reference processing and cleaners run between collections
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
