package io.github.awsbidi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Many streams on one client: the time until every stream has answered its first frame, the round-trip p99 while all
 * of them ping-pong at once, and the client's heap per open, idle stream (after full collections, against the heap
 * before opening them). Each iteration uses a new SDK client, so no pooled connection is counted as free. At most
 * {@link #OPENING_AT_ONCE} streams are opening at any time.
 */
final class ConcurrencyBenchmark {

    /**
     * Streams opening at once. Each SageMaker stream has its own connection (core's default, one stream per
     * connection), so opening thousands at once is a storm of TLS handshakes that the emulator's 10 s handshake timeout
     * cuts off on a small machine; a client would pace them too.
     */
    static final int OPENING_AT_ONCE = 100;

    private final EmulatorProcess emulator;
    private final Mode mode;

    ConcurrencyBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    /** Runs a small level on both sides, unmeasured, so the first measured side does not pay for class loading. */
    void warmUp(Operation operation, int streams) throws InterruptedException {
        byte[] payload = Payloads.of(Payloads.SMALL);
        for (Side side : Side.values()) {
            once(side, operation, streams, payload);
        }
    }

    List<Row> run(Operation operation, int streams) throws InterruptedException {
        byte[] payload = Payloads.of(Payloads.SMALL);
        PerSide<double[]> openMillis = new PerSide<>();
        PerSide<double[]> p99 = new PerSide<>();
        PerSide<double[]> heapKb = new PerSide<>();
        for (Side side : Side.values()) {
            openMillis.put(side, new double[mode.concurrencyIterations()]);
            p99.put(side, new double[mode.concurrencyIterations()]);
            heapKb.put(side, new double[mode.concurrencyIterations()]);
        }
        for (int i = 0; i < mode.concurrencyIterations(); i++) {
            for (Side side : Sides.inTurn(i)) {
                Sample sample = once(side, operation, streams, payload);
                openMillis.get(side)[i] = sample.openMillis();
                p99.get(side)[i] = sample.p99Millis();
                heapKb.get(side)[i] = sample.heapKbPerStream();
            }
        }
        String what = Numbers.format(streams) + " streams: ";
        return List.of(
                Row.compared(
                        what + "time to open all",
                        operation,
                        "ms",
                        Goal.NONE,
                        openMillis.get(Side.RAW),
                        openMillis.get(Side.SESSION)),
                Row.compared(
                        what + "echo latency p99 under load",
                        operation,
                        "ms",
                        Goal.NONE,
                        p99.get(Side.RAW),
                        p99.get(Side.SESSION)),
                Row.compared(
                        what + "heap per open stream",
                        operation,
                        "KB",
                        Goal.maxExcess(16),
                        heapKb.get(Side.RAW),
                        heapKb.get(Side.SESSION)));
    }

    private Sample once(Side side, Operation operation, int streams, byte[] payload) throws InterruptedException {
        try (Side.Client client = side.connect(operation, emulator, streams, mode.clientShape())) {
            EchoClient echo = client.echo();
            // Loads the classes and JIT-compiles the paths one stream takes, so the heap baseline includes them.
            PingPong warmUp = new PingPong(payload, mode.loadPings());
            warmUp.open(echo);
            Probes.await(warmUp.firstEcho(), mode.timeout(), "opening a warm-up stream");
            warmUp.startRounds();
            Probes.await(warmUp.finished(), mode.timeout(), "warm-up round trips");
            Probes.await(warmUp.close(), mode.timeout(), "closing the warm-up stream");

            List<PingPong> all = new ArrayList<>(streams);
            for (int i = 0; i < streams; i++) {
                all.add(new PingPong(payload, mode.loadPings()));
            }
            long heapBefore = Probes.heapAfterGc();
            long start = System.nanoTime();
            Semaphore opening = new Semaphore(OPENING_AT_ONCE);
            for (PingPong stream : all) {
                if (!opening.tryAcquire(mode.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(
                            "opening " + streams + " streams took longer than " + mode.timeout());
                }
                stream.open(echo);
                stream.firstEcho().whenComplete((at, error) -> opening.release());
            }
            long lastOpened = start;
            for (PingPong stream : all) {
                lastOpened = Math.max(
                        lastOpened,
                        Probes.await(stream.firstEcho(), mode.timeout(), "opening " + streams + " streams"));
            }
            double openMillis = (lastOpened - start) / 1e6;

            all.forEach(PingPong::startRounds);
            long[] samples = new long[streams * mode.loadPings()];
            int next = 0;
            for (PingPong stream : all) {
                long[] taken =
                        Probes.await(stream.finished(), mode.timeout(), "round trips on " + streams + " streams");
                System.arraycopy(taken, 0, samples, next, taken.length);
                next += taken.length;
            }
            double p99 = Numbers.percentile(samples, 99) / 1e6;

            long heapOpen = Probes.heapAfterGc();
            double kbPerStream = (heapOpen - heapBefore) / 1024.0 / streams;

            List<CompletableFuture<Void>> closing = new ArrayList<>(streams);
            all.forEach(stream -> closing.add(stream.close()));
            Probes.await(
                    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)),
                    mode.timeout(),
                    "closing " + streams + " streams");
            return new Sample(openMillis, p99, kbPerStream);
        }
    }

    private record Sample(double openMillis, double p99Millis, double heapKbPerStream) {}
}
