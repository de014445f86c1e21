package io.github.awsbidi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Frames per second through one stream: the request publisher produces as fast as the stream takes frames, and the
 * clock stops at the last echo. Also the client's CPU per frame, which is steadier than a rate on a busy machine.
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
        PerSide<double[]> cpu = new PerSide<>();
        PerSide<Side.Client> clients = new PerSide<>();
        try {
            for (Side side : Side.values()) {
                clients.put(side, side.connect(operation, emulator, 4, null));
                rates.put(side, new double[mode.iterations()]);
                cpu.put(side, new double[mode.iterations()]);
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
                    cpu.get(side)[i] = sample.clientMicrosPerFrame();
                }
            }
        } finally {
            clients.values().forEach(Side.Client::close);
        }
        String size = Numbers.format(frameSize) + " B frames";
        List<Row> rows = new ArrayList<>();
        rows.add(Row.compared("throughput, 1 stream, " + size, operation, "frames/s", Goal.minRatio(0.95),
                rates.get(Side.RAW), rates.get(Side.SESSION)));
        rows.add(Row.compared("client CPU per frame, " + size, operation, "us", Goal.NONE,
                cpu.get(Side.RAW), cpu.get(Side.SESSION)));
        return rows;
    }

    private Sample once(EchoClient client, byte[] payload, int frames) throws InterruptedException {
        AtomicInteger echoed = new AtomicInteger();
        CompletableFuture<Long> lastEcho = new CompletableFuture<>();
        long cpuBefore = Probes.cpuNanos();
        long start = System.nanoTime();
        EchoStream stream = client.open(Traffic.generated(payload, frames), bytes -> {
            if (echoed.incrementAndGet() == frames) {
                lastEcho.complete(System.nanoTime());
            }
        });
        stream.closed().whenComplete((ignored, error) -> lastEcho.completeExceptionally(error != null ? error
                : new IllegalStateException("the stream ended after " + echoed.get() + " echoes")));
        long end = Probes.await(lastEcho, mode.timeout(), "echoing " + frames + " frames");
        stream.complete();
        Probes.await(stream.closed(), mode.timeout(), "closing the stream");
        long cpu = Probes.cpuNanos() - cpuBefore;
        return new Sample(frames * 1e9 / (end - start), cpu / 1e3 / frames);
    }

    private record Sample(double framesPerSecond, double clientMicrosPerFrame) {
    }
}
