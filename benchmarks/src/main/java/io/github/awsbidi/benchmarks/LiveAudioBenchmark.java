package io.github.awsbidi.benchmarks;

import java.util.ArrayList;
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

    LiveAudioBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    List<Row> run(Operation operation, int streams) throws InterruptedException {
        warmUp(operation, streams);
        int pairs = mode.livePairs();
        PerSide<double[]> p50 = new PerSide<>();
        PerSide<double[]> p99 = new PerSide<>();
        PerSide<double[]> cores = new PerSide<>();
        PerSide<double[]> emulatorCores = new PerSide<>();
        PerSide<double[]> idle = new PerSide<>();
        for (Side side : Side.values()) {
            p50.put(side, new double[pairs]);
            p99.put(side, new double[pairs]);
            cores.put(side, new double[pairs]);
            emulatorCores.put(side, new double[pairs]);
            idle.put(side, new double[pairs]);
        }
        for (int i = 0; i < pairs; i++) {
            for (Side side : Sides.inTurn(i)) {
                Sample sample = trial(side, operation, streams, mode.liveSeconds());
                p50.get(side)[i] = sample.p50Millis();
                p99.get(side)[i] = sample.p99Millis();
                cores.get(side)[i] = sample.cores();
                emulatorCores.get(side)[i] = sample.emulatorCores();
                idle.get(side)[i] = sample.idlePercent();
            }
        }
        String what = Numbers.format(streams) + " live-audio streams (1,024 B every 32 ms): ";
        return List.of(
                Row.compared(
                        what + "frame latency p99",
                        operation,
                        "ms",
                        Goal.below(100),
                        p99.get(Side.RAW),
                        p99.get(Side.SESSION)),
                Row.compared(
                        what + "frame latency p50",
                        operation,
                        "ms",
                        Goal.NONE,
                        p50.get(Side.RAW),
                        p50.get(Side.SESSION)),
                Row.compared(
                        what + "client CPU",
                        operation,
                        "cores",
                        Goal.NONE,
                        cores.get(Side.RAW),
                        cores.get(Side.SESSION)),
                Row.compared(
                        what + "emulator CPU",
                        operation,
                        "cores",
                        Goal.NONE,
                        emulatorCores.get(Side.RAW),
                        emulatorCores.get(Side.SESSION)),
                Row.compared(
                        what + "machine idle", operation, "%", Goal.NONE, idle.get(Side.RAW), idle.get(Side.SESSION)));
    }

    /** One unmeasured trial per side at full load: JIT and first connections, on the client and the emulator. */
    void warmUp(Operation operation, int streams) throws InterruptedException {
        for (Side side : Side.values()) {
            trial(side, operation, streams, mode.liveWarmupSeconds());
        }
    }

    /** One trial: {@code streams} live-audio streams on a new client of {@code side}, measured for {@code seconds}. */
    Sample trial(Side side, Operation operation, int streams, int seconds) throws InterruptedException {
        byte[] frame = Payloads.of(FRAME_BYTES);
        FramePacer pacer = new FramePacer();
        List<LiveStream> all = new ArrayList<>(streams);
        try (Side.Client client = side.connect(operation, emulator, streams, mode.clientShape())) {
            Semaphore opening = new Semaphore(ConcurrencyBenchmark.OPENING_AT_ONCE);
            for (int i = 0; i < streams; i++) {
                if (!opening.tryAcquire(mode.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(
                            "opening " + streams + " streams took longer than " + mode.timeout());
                }
                LiveStream stream = new LiveStream(frame, seconds);
                all.add(stream);
                stream.start(client.echo(), pacer);
                stream.opened().whenComplete((ignored, error) -> opening.release());
            }
            for (LiveStream stream : all) {
                Probes.await(stream.opened(), mode.timeout(), "opening " + streams + " live-audio streams");
            }
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
            List<CompletableFuture<Void>> closing = new ArrayList<>(streams);
            all.forEach(stream -> closing.add(stream.finish()));
            Probes.await(
                    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)),
                    mode.timeout(),
                    "closing " + streams + " live-audio streams");
            int count = all.stream().mapToInt(LiveStream::sampleCount).sum();
            long[] samples = new long[count];
            int next = 0;
            for (LiveStream stream : all) {
                next = stream.copySamples(samples, next);
            }
            return new Sample(
                    Numbers.percentile(samples, 50) / 1e6,
                    Numbers.percentile(samples, 99) / 1e6,
                    (double) cpu / wall,
                    (double) emulatorCpu / wall,
                    idle * 100);
        } finally {
            all.forEach(LiveStream::stopTicking);
            pacer.close();
        }
    }

    /**
     * What one trial measured over its window.
     *
     * @param p50Millis frame latency p50
     * @param p99Millis frame latency p99
     * @param cores the client JVM's CPU, in cores
     * @param emulatorCores the emulator JVM's CPU, in cores
     * @param idlePercent the machine's idle share of its CPU, in percent (NaN where the system does not tell)
     */
    record Sample(double p50Millis, double p99Millis, double cores, double emulatorCores, double idlePercent) {}

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
        private volatile FramePacer.@Nullable Ticket ticking;

        LiveStream(byte[] frame, int seconds) {
            this.frame = frame;
            this.samples = new long[(int) (TimeUnit.SECONDS.toNanos(seconds) / FRAME_NANOS) + 64];
        }

        void start(EchoClient client, FramePacer pacer) {
            EchoStream opening = client.open(Traffic.queued(), this);
            stream = opening;
            opening.closed()
                    .whenComplete((ignored, error) -> opened.completeExceptionally(
                            error != null ? error : new IllegalStateException("the stream ended early")));
            ticking = pacer.add(this::tick);
        }

        private void tick() {
            EchoStream current = stream;
            if (current != null && !current.closed().isDone()) {
                sent.add(System.nanoTime());
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
                    samples = java.util.Arrays.copyOf(samples, count * 2);
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
            FramePacer.Ticket current = ticking;
            if (current != null) {
                current.cancel();
            }
        }

        int sampleCount() {
            return count;
        }

        int copySamples(long[] into, int at) {
            System.arraycopy(samples, 0, into, at, count);
            return at + count;
        }
    }
}
