package io.github.awsbidi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Frames per second through one stream: the request publisher produces as fast as the stream takes frames, and the
 * clock stops at the last echo. Also the client's CPU time (Java threads) and bytes allocated per frame in the
 * stream's steady state: work rather than time, so a neighbour taking the CPU away changes them less than a rate;
 * how many frames one read or write carries still depends on timing, which the one-in-flight rows of
 * {@link LatencyBenchmark} avoid.
 */
final class ThroughputBenchmark {

    private final EmulatorProcess emulator;
    private final Mode mode;

    ThroughputBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    List<Row> run(Operation operation, int frameSize, int frames) throws InterruptedException {
        byte[] payload = Payloads.of(frameSize);
        PerSide<double[]> rates = new PerSide<>();
        PerSide<double[]> threadCpu = new PerSide<>();
        PerSide<double[]> allocated = new PerSide<>();
        PerSide<Side.Client> clients = new PerSide<>();
        try {
            for (Side side : Side.values()) {
                clients.put(side, side.connect(operation, emulator, 4, mode.clientShape()));
                rates.put(side, new double[mode.iterations()]);
                threadCpu.put(side, new double[mode.iterations()]);
                allocated.put(side, new double[mode.iterations()]);
            }
            for (int i = 0; i < mode.warmups(); i++) {
                for (Side side : Side.values()) {
                    once(clients.get(side).echo(), payload, frames);
                }
            }
            for (int i = 0; i < mode.iterations(); i++) {
                for (Side side : Sides.inTurn(i)) {
                    Sample sample = once(clients.get(side).echo(), payload, frames);
                    rates.get(side)[i] = sample.framesPerSecond();
                    threadCpu.get(side)[i] = sample.threadMicrosPerFrame();
                    allocated.get(side)[i] = sample.bytesPerFrame();
                }
            }
        } finally {
            clients.values().forEach(Side.Client::close);
        }
        String size = Numbers.format(frameSize) + " B frames";
        List<Row> rows = new ArrayList<>();
        rows.add(Row.compared(
                "throughput, 1 stream, " + size,
                operation,
                "frames/s",
                Goal.minRatio(0.95),
                rates.get(Side.RAW),
                rates.get(Side.SESSION)));
        rows.add(Row.compared(
                "client CPU per frame (Java threads, steady), " + size,
                operation,
                "us",
                Goal.NONE,
                threadCpu.get(Side.RAW),
                threadCpu.get(Side.SESSION)));
        rows.add(Row.compared(
                "bytes allocated per frame (steady), " + size,
                operation,
                "B",
                Goal.NONE,
                allocated.get(Side.RAW),
                allocated.get(Side.SESSION)));
        return rows;
    }

    private Sample once(EchoClient client, byte[] payload, int frames) throws InterruptedException {
        AtomicInteger echoed = new AtomicInteger();
        CompletableFuture<Long> lastEcho = new CompletableFuture<>();
        // The per-frame work is read between the echo of frame frames/5 and the last echo, in the stream's steady
        // state: opening and closing a stream cost the same once whatever its length, and would otherwise be spread
        // over the frames and vary from trial to trial more than a frame's own cost does.
        int steadyFrom = frames / 5;
        long[] steady = new long[3];
        AtomicReference<Probes.ThreadCpu> steadyCpu = new AtomicReference<>();
        long start = System.nanoTime();
        EchoStream stream = client.open(Traffic.generated(payload, frames), bytes -> {
            int count = echoed.incrementAndGet();
            if (count == steadyFrom) {
                steadyCpu.set(Probes.threadCpu());
                steady[0] = Probes.allocatedBytes();
            } else if (count == frames) {
                steady[1] =
                        Objects.requireNonNull(steadyCpu.get(), "steady state").elapsedNanos();
                steady[2] = Probes.allocatedBytes();
                lastEcho.complete(System.nanoTime());
            }
        });
        stream.closed()
                .whenComplete((ignored, error) -> lastEcho.completeExceptionally(
                        error != null
                                ? error
                                : new IllegalStateException("the stream ended after " + echoed.get() + " echoes")));
        long end = Probes.await(lastEcho, mode.timeout(), "echoing " + frames + " frames");
        stream.complete();
        Probes.await(stream.closed(), mode.timeout(), "closing the stream");
        int steadyFrames = frames - steadyFrom;
        // The listener's writes happen before lastEcho completes, and this thread read lastEcho.
        return new Sample(
                frames * 1e9 / (end - start),
                steady[1] / 1e3 / steadyFrames,
                (double) (steady[2] - steady[0]) / steadyFrames);
    }

    private record Sample(double framesPerSecond, double threadMicrosPerFrame, double bytesPerFrame) {}
}
