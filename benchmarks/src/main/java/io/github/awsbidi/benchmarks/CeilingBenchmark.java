package io.github.awsbidi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's own limit: several raw SDK streams at once pushing small frames as fast as they go. Reports the
 * aggregate echo rate, the emulator's CPU per echoed frame (from the child process's CPU time), the rate one core
 * of emulator could therefore serve, and how many cores each JVM kept busy. When the emulator's cores stay below
 * the machine's, the client, not the server, is the bottleneck of every other row.
 */
final class CeilingBenchmark {

    private final EmulatorProcess emulator;
    private final Mode mode;

    CeilingBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    List<Row> run(Operation operation) throws InterruptedException {
        byte[] payload = Payloads.of(Payloads.SMALL);
        double[] rate = new double[mode.iterations()];
        double[] emulatorMicros = new double[mode.iterations()];
        double[] perCore = new double[mode.iterations()];
        double[] emulatorCores = new double[mode.iterations()];
        double[] clientCores = new double[mode.iterations()];
        try (Side.Client client = Side.RAW.connect(
                operation,
                emulator,
                mode.ceilingStreams() * 2,
                mode.clientShape().withStreamsPerConnection(1L))) {
            for (int i = 0; i < mode.warmups(); i++) {
                once(client.echo(), payload);
            }
            for (int i = 0; i < mode.iterations(); i++) {
                Sample sample = once(client.echo(), payload);
                rate[i] = sample.frames() * 1e9 / sample.elapsedNanos();
                emulatorMicros[i] = sample.emulatorCpuNanos() / 1e3 / sample.frames();
                perCore[i] = 1e6 / emulatorMicros[i];
                emulatorCores[i] = (double) sample.emulatorCpuNanos() / sample.elapsedNanos();
                clientCores[i] = (double) sample.clientCpuNanos() / sample.elapsedNanos();
            }
        }
        String streams = mode.ceilingStreams() + " raw streams, " + Payloads.SMALL + " B: ";
        return List.of(
                Row.single(streams + "aggregate echo rate", operation, "frames/s", rate),
                Row.single(streams + "emulator CPU per frame", operation, "us", emulatorMicros),
                Row.single(streams + "emulator capacity per core", operation, "frames/s", perCore),
                Row.single(streams + "emulator CPU busy", operation, "cores", emulatorCores),
                Row.single(streams + "client CPU busy", operation, "cores", clientCores));
    }

    private Sample once(EchoClient client, byte[] payload) throws InterruptedException {
        int streams = mode.ceilingStreams();
        long frames = (long) streams * mode.ceilingFrames();
        AtomicLong echoed = new AtomicLong();
        CompletableFuture<Long> lastEcho = new CompletableFuture<>();
        long emulatorBefore = emulator.cpuNanos();
        long clientBefore = Probes.cpuNanos();
        long start = System.nanoTime();
        List<EchoStream> open = new ArrayList<>(streams);
        for (int i = 0; i < streams; i++) {
            AtomicLong echoedHere = new AtomicLong();
            CompletableFuture<EchoStream> opened = new CompletableFuture<>();
            EchoStream stream = client.open(Traffic.generated(payload, mode.ceilingFrames()), bytes -> {
                if (echoedHere.incrementAndGet() == mode.ceilingFrames()) {
                    opened.thenAccept(EchoStream::complete);
                }
                if (echoed.incrementAndGet() == frames) {
                    lastEcho.complete(System.nanoTime());
                }
            });
            opened.complete(stream);
            open.add(stream);
        }
        long end = Probes.await(lastEcho, mode.timeout(), "echoing " + frames + " frames on " + streams + " streams");
        long emulatorCpu = emulator.cpuNanos() - emulatorBefore;
        long clientCpu = Probes.cpuNanos() - clientBefore;
        for (EchoStream stream : open) {
            Probes.await(stream.closed(), mode.timeout(), "closing the streams");
        }
        return new Sample(frames, end - start, emulatorCpu, clientCpu);
    }

    private record Sample(long frames, long elapsedNanos, long emulatorCpuNanos, long clientCpuNanos) {}
}
