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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * Runs the load as the benchmark's live-audio trials measure it: with {@code --warmup}, first an unmeasured pass of as
 * many sessions, ended before the measured ones start (JIT, first connections and the backlog they build end with
 * it); then starts the sessions evenly over the ramp, feeds each a 32 ms frame every 32 ms from one {@link
 * FrameClock} (real-time pace: the audio does not wait for the stream), and once every session is open measures a
 * window of {@code --duration} (see {@link MeasuredWindow}); then finishes every session together, outside the window.
 * Prints a progress line every two seconds and gathers the report.
 */
final class LoadRun {

    /** The longest a stream may take to open, on top of the ramp, before the window starts without it. */
    private static final Duration OPEN_ALLOWANCE = Duration.ofSeconds(90);

    /** On top of {@code --drain}: a session finishes at its next frame tick, on a frame clock that may be behind. */
    private static final Duration FINISH_ALLOWANCE = Duration.ofSeconds(30);

    private static final long PROGRESS_MILLIS = 2_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LoadOptions options;
    private final AudioClip clip;
    private final PrintStream progress;
    private final Measurements measurements = new Measurements();
    private final AtomicLong lowestHeapAllOpen = new AtomicLong(Long.MAX_VALUE);
    private final @Nullable LongSupplier emulatorCpuNanos;
    private long started;
    private volatile @Nullable MeasuredWindow window;
    /** Where the run is, for the progress line. */
    private volatile String stage = "starting";

    /**
     * A run of {@code options}; {@code emulatorCpuNanos} reads the CPU time of an emulator this tool started, or is
     * {@code null} when the target runs elsewhere.
     */
    LoadRun(LoadOptions options, AudioClip clip, PrintStream progress, @Nullable LongSupplier emulatorCpuNanos) {
        this.options = options;
        this.clip = clip;
        this.progress = progress;
        this.emulatorCpuNanos = emulatorCpuNanos;
    }

    LoadReport run() throws InterruptedException {
        long heapBefore = heapAfterGc();
        Instant startedAt = Instant.now();
        started = System.nanoTime();
        measurements.start(started, options.coldStart());
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("load-timer"));
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(daemon("load-watch"));
        FrameClock clock = new FrameClock();
        LoadReport.LatencyKind latencyKind;
        Tally warmedUp = new Tally(0, 0, Map.of(), Map.of());
        Pass pass;
        MeasuredWindow measured;
        Snapshot before;
        Snapshot after;
        try (SessionFactory factory = SessionFactory.create(options)) {
            latencyKind = factory.latencyKind();
            watcher.scheduleAtFixedRate(this::sampleHeap, 100, 100, TimeUnit.MILLISECONDS);
            watcher.scheduleAtFixedRate(this::printProgress, PROGRESS_MILLIS, PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
            if (!options.warmup().isZero()) {
                // As the benchmark's unmeasured trial: the JVMs compile and connect under the full load, and the
                // backlog that builds meanwhile ends with these sessions instead of delaying the measured ones.
                stage = "warm-up: opening";
                Pass warmUp = startPass(factory, timers, clock);
                awaitSettled(warmUp);
                stage = "warm-up";
                sleepUntil(started + options.warmup().toNanos());
                stage = "warm-up: ending";
                finish(warmUp);
                warmedUp = Tally.of(warmUp.outcomes);
            }
            stage = "opening";
            pass = startPass(factory, timers, clock);
            awaitSettled(pass);
            measured = MeasuredWindow.of(started, System.nanoTime(), options.coldStart(), options.duration());
            measurements.measure(measured);
            window = measured;
            sleepUntil(measured.start());
            before = snapshot();
            sleepUntil(measured.end());
            after = snapshot();
            sleepUntil(measured.finishAt());
            stage = "finishing";
            finish(pass);
        } finally {
            timers.shutdownNow();
            watcher.shutdownNow();
            clock.close();
        }
        Tally tally = Tally.of(pass.outcomes);
        long wall = after.nanos() - before.nanos();
        long cpu = after.cpuNanos() - before.cpuNanos();
        Double emulatorCpuSeconds = after.emulatorCpuNanos() < 0 || before.emulatorCpuNanos() < 0
                ? null
                : (after.emulatorCpuNanos() - before.emulatorCpuNanos()) / 1e9;
        long framesInWindow = measurements.framesInWindow();
        printProgress();
        long lowest = lowestHeapAllOpen.get();
        Double heapPerSessionKb =
                lowest == Long.MAX_VALUE ? null : Math.max(0, lowest - heapBefore) / 1024.0 / options.sessions();
        Histogram latency = measurements.latencyTotal();
        Histogram firstResponse = measurements.firstResponseTotal();
        return new LoadReport(
                options.target().toString(),
                options.endpoint() != null ? options.endpoint().toString() : "AWS",
                startedAt,
                options.sessions(),
                options.duration().toMillis() / 1000.0,
                options.ramp().toMillis() / 1000.0,
                tally.completed(),
                tally.failed(),
                tally.failedByKind(),
                tally.firstFailures(),
                measurements.framesSent(),
                measurements.responses(),
                latencyKind,
                LoadReport.Percentiles.of(latency),
                LoadReport.Percentiles.of(firstResponse),
                LoadReport.Percentiles.of(measurements.pacerLagTotal()),
                options.coldStart().toMillis() / 1000.0,
                LoadReport.Percentiles.of(measurements.coldLatencyTotal()),
                LoadReport.Percentiles.of(measurements.coldFirstResponseTotal()),
                options.warmup().toMillis() / 1000.0,
                new LoadReport.Window(
                        (measured.start() - started) / 1e9,
                        before.open(),
                        after.open(),
                        framesInWindow,
                        MachineCpu.idleShare(before.machineTicks(), after.machineTicks()),
                        warmedUp.completed(),
                        warmedUp.failed()),
                cpu / 1e9,
                emulatorCpuSeconds,
                wall / 1e9,
                framesInWindow == 0 ? null : cpu / 1e3 / framesInWindow,
                heapPerSessionKb,
                measurements.turns(),
                measurements.bargeIns(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                SessionFactory.connectionSettingsText(options));
    }

    /** What the window's edges read: time, this JVM's and the emulator's CPU, the machine's ticks, open sessions. */
    private record Snapshot(
            long nanos, long cpuNanos, long emulatorCpuNanos, long @Nullable [] machineTicks, int open) {}

    private Snapshot snapshot() {
        return new Snapshot(
                System.nanoTime(), OS.getProcessCpuTime(), emulatorCpu(), MachineCpu.ticks(), measurements.openNow());
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** The sessions of one pass: started evenly over the ramp, finished together. */
    private static final class Pass {

        final long startedAt = System.nanoTime();
        final List<CompletableFuture<Measurements.Outcome>> outcomes = new ArrayList<>();
        final List<CompletableFuture<Void>> settled = new ArrayList<>();
        /** Set when the pass ends: each session finishes at its next tick. */
        volatile boolean finishing;
    }

    private Pass startPass(SessionFactory factory, ScheduledExecutorService timers, FrameClock clock) {
        Pass pass = new Pass();
        int sessions = options.sessions();
        for (int i = 0; i < sessions; i++) {
            CompletableFuture<Measurements.Outcome> outcome = new CompletableFuture<>();
            CompletableFuture<Void> openOrFailed = new CompletableFuture<>();
            pass.outcomes.add(outcome);
            pass.settled.add(openOrFailed);
            long delay = options.ramp().toNanos() * i / sessions;
            // Each session starts at another place in the clip, so the callers do not speak in chorus.
            long offset = 37L * i;
            timers.schedule(
                    () -> start(factory.newSession(measurements), timers, clock, offset, pass, outcome, openOrFailed),
                    delay,
                    TimeUnit.NANOSECONDS);
        }
        return pass;
    }

    /** Waits until every session of {@code pass} is open or has failed, or its ramp plus {@link #OPEN_ALLOWANCE}. */
    private void awaitSettled(Pass pass) throws InterruptedException {
        long deadline = pass.startedAt + options.ramp().plus(OPEN_ALLOWANCE).toNanos();
        for (CompletableFuture<Void> each : pass.settled) {
            try {
                each.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("settling cannot fail", e);
            } catch (TimeoutException e) {
                return; // the window starts without the sessions still opening; the report counts those open in it
            }
        }
    }

    private void finish(Pass pass) throws InterruptedException {
        pass.finishing = true;
        awaitAll(pass.outcomes);
    }

    /**
     * How a pass's sessions ended.
     *
     * @param completed sessions that streamed until the pass finished them and ended cleanly
     * @param failed sessions that did not
     * @param failedByKind failures by kind, in name order
     * @param firstFailures the first message of each kind
     */
    private record Tally(int completed, int failed, Map<String, Long> failedByKind, Map<String, String> firstFailures) {

        static Tally of(List<CompletableFuture<Measurements.Outcome>> outcomes) {
            int completed = 0;
            Map<String, Long> byKind = new TreeMap<>();
            Map<String, String> first = new TreeMap<>();
            for (CompletableFuture<Measurements.Outcome> each : outcomes) {
                Measurements.Outcome outcome = each.getNow(null);
                if (outcome == null) {
                    continue; // awaitAll settles every outcome before this is read
                }
                if (outcome.completed()) {
                    completed++;
                } else {
                    byKind.merge(outcome.kind(), 1L, Long::sum);
                    first.putIfAbsent(outcome.kind(), outcome.detail());
                }
            }
            int failed = byKind.values().stream().mapToInt(Long::intValue).sum();
            return new Tally(completed, failed, byKind, first);
        }
    }

    private long emulatorCpu() {
        return emulatorCpuNanos != null ? emulatorCpuNanos.getAsLong() : -1;
    }

    private void start(
            LiveSession session,
            ScheduledExecutorService timers,
            FrameClock clock,
            long offset,
            Pass pass,
            CompletableFuture<Measurements.Outcome> outcome,
            CompletableFuture<Void> settled) {
        CompletableFuture<Void> opened;
        try {
            opened = session.open();
        } catch (RuntimeException e) {
            end(outcome, failure(e), false);
            settled.complete(null);
            return;
        }
        opened.whenComplete((ignored, error) -> {
            if (error != null) {
                end(outcome, failure(error), false);
            } else {
                measurements.opened();
                stream(session, timers, clock, offset, pass, outcome);
            }
            settled.complete(null);
        });
    }

    private void stream(
            LiveSession session,
            ScheduledExecutorService timers,
            FrameClock clock,
            long offset,
            Pass pass,
            CompletableFuture<Measurements.Outcome> outcome) {
        AtomicLong next = new AtomicLong();
        AtomicReference<FrameClock.Ticket> ticking = new AtomicReference<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicLong firstDue = new AtomicLong();
        Runnable tick = () -> {
            try {
                long index = next.getAndIncrement();
                long now = System.nanoTime();
                if (index == 0) {
                    firstDue.set(now);
                }
                if (session.ended().isDone()) {
                    cancel(ticking);
                } else if (!pass.finishing) {
                    // Fixed rate, as the benchmark: after a stall the missed frames go at once, as an application
                    // reading a microphone's buffer sends them. How late they go is measured apart.
                    measurements.paced(firstDue.get() + index * AudioClip.FRAME_NANOS, now);
                    session.send(clip.frame(index + offset), clip.voiced(index + offset), now);
                } else if (finished.compareAndSet(0, 1)) {
                    cancel(ticking);
                    session.finish();
                    timers.schedule(
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
                // The clock would call a throwing task again at its next turn: end the session instead.
                session.ended().completeExceptionally(e);
                session.cancel();
                cancel(ticking);
            }
        };
        ticking.set(clock.add(tick));
        session.ended().whenComplete((ignored, error) -> {
            cancel(ticking);
            if (error != null) {
                end(outcome, failure(error), true);
            } else if (finished.get() == 0) {
                end(
                        outcome,
                        Measurements.Outcome.failed(
                                "ended_early",
                                "the stream ended after " + next.get() + " frames, before the run finished it"),
                        true);
            } else {
                end(outcome, Measurements.Outcome.COMPLETED, true);
            }
        });
    }

    private static void cancel(AtomicReference<FrameClock.Ticket> ticking) {
        FrameClock.Ticket ticket = ticking.get();
        if (ticket != null) {
            ticket.cancel();
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

    /** Waits for every outcome, from the sessions being finished for up to {@code --drain} and an allowance. */
    private void awaitAll(List<CompletableFuture<Measurements.Outcome>> outcomes) throws InterruptedException {
        Duration limit = options.drain().plus(FINISH_ALLOWANCE);
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
                                "no outcome within " + LoadOptions.format(limit) + " of finishing the sessions"
                                        + " (--drain + " + FINISH_ALLOWANCE.toSeconds() + " s): it did not open within"
                                        + " the ramp + " + OPEN_ALLOWANCE.toSeconds() + " s, or did not end"),
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
        Histogram interval = measurements.recentLatencies();
        String latency = interval.getTotalCount() == 0
                ? "no responses"
                : String.format(
                        Locale.ROOT,
                        "latency p50 %.1f ms, p99 %.1f ms",
                        interval.getValueAtPercentile(50) / 1e3,
                        interval.getValueAtPercentile(99) / 1e3);
        long now = System.nanoTime();
        progress.printf(
                Locale.ROOT,
                "[load %5.1fs] %s, open %d/%d, completed %d, failed %d, frames sent %,d,"
                        + " responses %,d, last 2 s: %s%n",
                (now - started) / 1e9,
                phase(now),
                measurements.openNow(),
                options.sessions(),
                measurements.completed(),
                measurements.failed(),
                measurements.framesSent(),
                measurements.responses(),
                latency);
    }

    /** Where the run is, for the progress line: only the window's latencies are the report's steady state. */
    private String phase(long now) {
        MeasuredWindow measured = window;
        if (measured == null || stage.equals("finishing")) {
            return stage;
        }
        if (now - measured.start() < 0) {
            return "settling";
        }
        return now - measured.end() < 0 ? "measuring" : "after the window";
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
