package io.github.awsbidi.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Live audio on one client: many streams at once, each sending a 1,024-byte frame (32 ms of 16 kHz 16-bit PCM)
 * every 32 ms whatever the stream's state, as a microphone does, for a measured window once all are open. Per
 * trial: the frame latency p50 and p99 over every frame sent in the window (send to its echo), and over the same
 * window the client's CPU, the emulator's CPU (its own JVM on the same machine) and how much of the machine was idle,
 * so that a saturated machine shows as such. Before the pairs, one unmeasured trial per side warms both JVMs up: a
 * backlog built while they compile does not drain on a nearly saturated machine. Raw and session trials alternate.
 */
final class LiveAudioBenchmark {

    static final int FRAME_BYTES = 1_024;
    static final long FRAME_NANOS = 32_000_000L;

    private final EmulatorProcess emulator;
    private final Mode mode;
    private final SideSettings settings;

    /** Live audio with both sides at the same settings ({@link SideSettings#ALIKE}). */
    LiveAudioBenchmark(EmulatorProcess emulator, Mode mode) {
        this(emulator, mode, SideSettings.ALIKE);
    }

    LiveAudioBenchmark(EmulatorProcess emulator, Mode mode, SideSettings settings) {
        this.emulator = emulator;
        this.mode = mode;
        this.settings = settings;
    }

    List<Row> run(Operation operation, int streams) throws InterruptedException {
        warmUp(operation, streams);
        int pairs = settings == SideSettings.ALIKE ? mode.livePairs() : mode.ownDefaultsPairs();
        PerSide<double[]> p50 = new PerSide<>();
        PerSide<double[]> p99 = new PerSide<>();
        PerSide<double[]> failed = new PerSide<>();
        PerSide<double[]> cores = new PerSide<>();
        PerSide<double[]> emulatorCores = new PerSide<>();
        PerSide<double[]> idle = new PerSide<>();
        for (Side side : Side.values()) {
            p50.put(side, new double[pairs]);
            p99.put(side, new double[pairs]);
            failed.put(side, new double[pairs]);
            cores.put(side, new double[pairs]);
            emulatorCores.put(side, new double[pairs]);
            idle.put(side, new double[pairs]);
        }
        for (int i = 0; i < pairs; i++) {
            for (Side side : Sides.inTurn(i)) {
                Sample sample = trial(side, operation, streams, mode.liveSeconds());
                p50.get(side)[i] = sample.p50Millis();
                p99.get(side)[i] = sample.p99Millis();
                failed.get(side)[i] = sample.failedStreams();
                cores.get(side)[i] = sample.cores();
                emulatorCores.get(side)[i] = sample.emulatorCores();
                idle.get(side)[i] = sample.idlePercent();
            }
        }
        String what = Numbers.format(streams) + " live-audio streams (1,024 B every 32 ms)"
                + (settings == SideSettings.ALIKE ? ": " : ", each side at its own defaults: ");
        List<Row> rows = new ArrayList<>();
        rows.add(
                settings == SideSettings.ALIKE
                        ? Row.compared(
                                what + "frame latency p99",
                                operation,
                                "ms",
                                Goal.below(100),
                                p99.get(Side.RAW),
                                p99.get(Side.SESSION))
                        : Row.compared(
                                what + "frame latency p99 (" + settings.text(operation, mode.clientShape()) + ")",
                                operation,
                                "ms",
                                Goal.maxRatio(1.0),
                                p99.get(Side.RAW),
                                p99.get(Side.SESSION)));
        rows.add(Row.compared(
                what + "frame latency p50", operation, "ms", Goal.NONE, p50.get(Side.RAW), p50.get(Side.SESSION)));
        if (!settings.everyStreamMustOpen()) {
            rows.add(Row.compared(
                    what + "streams that failed to open or ended early",
                    operation,
                    "streams",
                    Goal.NONE,
                    failed.get(Side.RAW),
                    failed.get(Side.SESSION)));
        }
        rows.add(Row.compared(
                what + "client CPU", operation, "cores", Goal.NONE, cores.get(Side.RAW), cores.get(Side.SESSION)));
        rows.add(Row.compared(
                what + "emulator CPU",
                operation,
                "cores",
                Goal.NONE,
                emulatorCores.get(Side.RAW),
                emulatorCores.get(Side.SESSION)));
        rows.add(Row.compared(
                what + "machine idle", operation, "%", Goal.NONE, idle.get(Side.RAW), idle.get(Side.SESSION)));
        return rows;
    }

    /** One unmeasured trial per side at full load: JIT and first connections, on the client and the emulator. */
    void warmUp(Operation operation, int streams) throws InterruptedException {
        for (Side side : Side.values()) {
            trial(side, operation, streams, mode.liveWarmupSeconds());
        }
    }

    /**
     * One trial: {@code streams} live-audio streams on a new client of {@code side}, measured for {@code seconds}.
     * With {@link SideSettings#ALIKE} every stream must open and run to the end, or the trial fails; otherwise a
     * stream that fails to open, or ends early, is counted and the trial goes on without it. Either way a frame of
     * the window never answered (one its stream could not send included) counts at its age when the streams have
     * closed, a lower bound of its latency, so that a backlog or a lost call shows in the p99 instead of vanishing
     * from it.
     */
    Sample trial(Side side, Operation operation, int streams, int seconds) throws InterruptedException {
        byte[] frame = Payloads.of(FRAME_BYTES);
        FrameClock clock = new FrameClock();
        List<LiveStream> all = new ArrayList<>(streams);
        boolean strict = settings.everyStreamMustOpen();
        try (Side.Client client = settings.connect(side, operation, emulator, streams, mode.clientShape())) {
            Semaphore opening = new Semaphore(ConcurrencyBenchmark.OPENING_AT_ONCE);
            for (int i = 0; i < streams; i++) {
                if (!opening.tryAcquire(mode.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    if (strict) {
                        throw new IllegalStateException(
                                "opening " + streams + " streams took longer than " + mode.timeout());
                    }
                    break;
                }
                LiveStream stream = new LiveStream(frame, seconds);
                all.add(stream);
                stream.start(client.echo(), clock);
                stream.opened().whenComplete((ignored, error) -> opening.release());
            }
            awaitOpening(all, streams);
            // A second at full load before measuring: the last streams' first frames, JIT.
            Thread.sleep(1_000);
            long cpuBefore = Probes.cpuNanos();
            long emulatorBefore = emulator.cpuNanos();
            long[] machineBefore = Probes.machineTicks();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            all.forEach(stream -> stream.window(start, end));
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - start));
            long cpu = Probes.cpuNanos() - cpuBefore;
            long emulatorCpu = emulator.cpuNanos() - emulatorBefore;
            double idle = Probes.idleShare(machineBefore, Probes.machineTicks());
            long wall = System.nanoTime() - start;
            // Frames sent near the window's end still count once their echo is in.
            Thread.sleep(500);
            int failed = streams - all.size();
            @Nullable Throwable firstFailure = null;
            for (LiveStream stream : all) {
                if (!stream.running()) {
                    failed++;
                    firstFailure = firstFailure != null ? firstFailure : stream.failure();
                }
            }
            if (failed > 0) {
                System.err.println("[bench] " + side.label() + ": " + failed + " of " + streams
                        + " live-audio streams did not open or ended early"
                        + (firstFailure != null ? ", the first for " + firstLine(firstFailure) : ""));
            }
            if (strict && failed > 0) {
                throw new IllegalStateException(failed + " of " + streams + " live-audio streams ended early");
            }
            closeAll(all, strict);
            long closedAt = System.nanoTime();
            int count = all.stream().mapToInt(LiveStream::sampleCount).sum();
            long[] samples =
                    new long[count + all.stream().mapToInt(LiveStream::waiting).sum()];
            int next = 0;
            for (LiveStream stream : all) {
                next = stream.copySamples(samples, next, closedAt);
            }
            if (next == 0) {
                throw new IllegalStateException("no frame of " + streams + " live-audio streams fell in the window");
            }
            long[] measured = Arrays.copyOf(samples, next);
            return new Sample(
                    Numbers.percentile(measured, 50) / 1e6,
                    Numbers.percentile(measured, 99) / 1e6,
                    next,
                    next - count,
                    failed,
                    (double) cpu / wall,
                    (double) emulatorCpu / wall,
                    idle * 100);
        } finally {
            all.forEach(LiveStream::stopTicking);
            clock.close();
        }
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int end = message.indexOf('\n');
        return failure.getClass().getSimpleName() + ": " + (end < 0 ? message : message.substring(0, end));
    }

    /**
     * Waits for every stream's first echo. Alike: each within the timeout, or the trial fails. Otherwise until each
     * has answered or failed, or the timeout has passed for all together; the rest are counted by the caller.
     */
    private void awaitOpening(List<LiveStream> all, int streams) throws InterruptedException {
        String what = "opening " + streams + " live-audio streams";
        if (settings.everyStreamMustOpen()) {
            for (LiveStream stream : all) {
                Probes.await(stream.opened(), mode.timeout(), what);
            }
            return;
        }
        CompletableFuture<?>[] settled = all.stream()
                .map(stream -> stream.opened().handle((ignored, error) -> null))
                .toArray(CompletableFuture[]::new);
        try {
            Probes.await(CompletableFuture.allOf(settled), mode.timeout(), what);
        } catch (IllegalStateException e) {
            System.err.println("[bench] " + e.getMessage() + "; the streams not open by then count as failed");
        }
    }

    /** Stops every stream's audio, half-closes and waits for the server to end them; alike, an error fails. */
    private void closeAll(List<LiveStream> all, boolean strict) throws InterruptedException {
        List<CompletableFuture<?>> closing = new ArrayList<>(all.size());
        all.forEach(
                stream -> closing.add(strict ? stream.finish() : stream.finish().handle((ignored, error) -> null)));
        String what = "closing " + all.size() + " live-audio streams";
        try {
            Probes.await(CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)), mode.timeout(), what);
        } catch (IllegalStateException e) {
            if (strict) {
                throw e;
            }
            System.err.println("[bench] " + e.getMessage() + "; their frames still unanswered count at their age");
        }
    }

    /**
     * What one trial measured over its window.
     *
     * @param p50Millis frame latency p50
     * @param p99Millis frame latency p99
     * @param frames the window's frames, each counted once: answered, or never answered
     * @param unanswered the window's frames never answered (counted at their age when the streams had closed)
     * @param failedStreams streams that did not open, or ended before the window closed
     * @param cores the client JVM's CPU, in cores
     * @param emulatorCores the emulator JVM's CPU, in cores
     * @param idlePercent the machine's idle share of its CPU, in percent (NaN where the system does not tell)
     */
    record Sample(
            double p50Millis,
            double p99Millis,
            int frames,
            int unanswered,
            int failedStreams,
            double cores,
            double emulatorCores,
            double idlePercent) {}

    /** One stream: a frame every 32 ms from its first send on, each echo matched with the oldest frame waiting. */
    private static final class LiveStream implements EchoStream.Listener {

        private final byte[] frame;
        private final SendTimes sent = new SendTimes();
        private final CompletableFuture<Void> opened = new CompletableFuture<>();
        private long[] samples;
        private int count;
        private volatile long windowStart = Long.MAX_VALUE;
        private volatile long windowEnd = Long.MAX_VALUE;
        private volatile @Nullable EchoStream stream;
        private volatile FrameClock.@Nullable Ticket ticking;
        private volatile @Nullable Throwable failure;

        LiveStream(byte[] frame, int seconds) {
            this.frame = frame;
            this.samples = new long[(int) (TimeUnit.SECONDS.toNanos(seconds) / FRAME_NANOS) + 64];
        }

        void start(EchoClient client, FrameClock clock) {
            EchoStream opening = client.open(Traffic.queued(), this);
            stream = opening;
            opening.closed().whenComplete((ignored, error) -> {
                if (error != null) {
                    failure = error;
                }
                opened.completeExceptionally(
                        error != null ? error : new IllegalStateException("the stream ended early"));
            });
            ticking = clock.add(this::tick);
        }

        /**
         * The microphone's next frame: sent while the stream runs, and recorded either way, so that the frames of a
         * stream that failed count as never answered instead of never having been spoken.
         */
        private void tick() {
            EchoStream current = stream;
            if (current == null) {
                return;
            }
            sent.add(System.nanoTime());
            if (!current.closed().isDone()) {
                current.send(frame);
            }
        }

        void window(long start, long end) {
            windowStart = start;
            windowEnd = end;
        }

        @Override
        public void echo(int bytes) {
            long now = System.nanoTime();
            opened.complete(null);
            long sentAt = sent.poll();
            if (sentAt != SendTimes.NONE && sentAt >= windowStart && sentAt < windowEnd) {
                if (count == samples.length) {
                    samples = Arrays.copyOf(samples, count * 2);
                }
                samples[count++] = now - sentAt;
            }
        }

        CompletableFuture<Void> opened() {
            return opened;
        }

        /** Stops the audio and half-closes; completes when the server has ended the stream. */
        CompletableFuture<Void> finish() {
            stopTicking();
            EchoStream current = stream;
            if (current == null) {
                return CompletableFuture.completedFuture(null);
            }
            current.complete();
            return current.closed();
        }

        void stopTicking() {
            FrameClock.Ticket current = ticking;
            if (current != null) {
                current.cancel();
            }
        }

        /** Whether the stream has answered and not ended. */
        boolean running() {
            EchoStream current = stream;
            return opened.isDone()
                    && !opened.isCompletedExceptionally()
                    && current != null
                    && !current.closed().isDone();
        }

        /** Why the stream failed, or {@code null} while it has not. */
        @Nullable
        Throwable failure() {
            return failure;
        }

        int sampleCount() {
            return count;
        }

        /** Frames sent and not answered (yet). */
        int waiting() {
            return sent.size();
        }

        /**
         * Copies the latencies of the window's answered frames into {@code into} from {@code at}, then those of its
         * frames never answered, each as its age at {@code now}; returns the index after the last.
         */
        int copySamples(long[] into, int at, long now) {
            System.arraycopy(samples, 0, into, at, count);
            int next = at + count;
            for (long sentAt = sent.poll(); sentAt != SendTimes.NONE; sentAt = sent.poll()) {
                if (sentAt >= windowStart && sentAt < windowEnd && next < into.length) {
                    into[next++] = now - sentAt;
                }
            }
            return next;
        }
    }
}
