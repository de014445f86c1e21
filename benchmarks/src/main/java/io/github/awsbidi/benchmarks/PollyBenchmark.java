package io.github.awsbidi.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Polly's {@code StartSpeechSynthesisStream}, one text in and audio out, for the raw {@code PollyAsyncClient} and
 * for {@code PollySession} in interleaved pairs: the time from a flushed {@code TextEvent} to its first audio byte
 * with one text in flight, and the client's CPU time and bytes allocated per text event over those rounds. The
 * emulator is configured ({@link #EMULATOR_CONFIG}) to synthesise at once and to answer {@link #TEXT} with exactly
 * one {@code AudioEvent}, so each text is one round trip and the rows measure the client path, not a synthesis
 * delay; the CPU row with a target is measured as {@link CpuPerFrameBenchmark} measures the echo rows'. Heap per
 * idle open stream comes from {@link MemoryBenchmark} with target {@link #LABEL}.
 */
final class PollyBenchmark {

    /** The rows' operation column, and the heap probe's target. */
    static final String LABEL = "polly";

    /** A built-in emulator voice with the generative engine. */
    static final String VOICE = "Joanna";

    /** Six characters: 60 ms of speech at 10 ms a character, one 100 ms chunk at most. */
    static final byte[] TEXT = "Hello.".getBytes(StandardCharsets.UTF_8);

    /**
     * The emulator's Polly for these rows (its configuration file's {@code polly} key): no synthesis delay, one
     * {@code AudioEvent} per short text, and no idle close while the heap probe's streams sit idle. The other
     * operations do not read it.
     */
    static final String EMULATOR_CONFIG = """
            {"polly": {"synthesisDelay": "0ms", "speechPerCharacter": "10ms", "audioChunkDuration": "100ms",
                       "idleTimeout": "1h"}}
            """;

    private final EmulatorProcess emulator;
    private final Mode mode;

    PollyBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    List<Row> run() throws InterruptedException {
        PerSide<double[]> p50 = new PerSide<>();
        PerSide<double[]> p99 = new PerSide<>();
        PerSide<double[]> cpu = new PerSide<>();
        PerSide<double[]> allocated = new PerSide<>();
        PerSide<Side.Client> clients = new PerSide<>();
        CpuPerFrameBenchmark.Measured pinnedCpu;
        try {
            for (Side side : Side.values()) {
                clients.put(side, side.connectPolly(emulator, VOICE, 4, mode.clientShape()));
                p50.put(side, new double[mode.pingPairs()]);
                p99.put(side, new double[mode.pingPairs()]);
                cpu.put(side, new double[mode.pingPairs()]);
                allocated.put(side, new double[mode.pingPairs()]);
            }
            for (int i = 0; i < mode.warmups(); i++) {
                for (Side side : Side.values()) {
                    LatencyBenchmark.once(clients.get(side).echo(), TEXT, mode);
                }
            }
            for (int i = 0; i < mode.pingPairs(); i++) {
                for (Side side : Sides.inTurn(i)) {
                    LatencyBenchmark.Sample sample =
                            LatencyBenchmark.once(clients.get(side).echo(), TEXT, mode);
                    p50.get(side)[i] = Numbers.percentile(sample.roundTrips(), 50) / 1e3;
                    p99.get(side)[i] = Numbers.percentile(sample.roundTrips(), 99) / 1e3;
                    cpu.get(side)[i] = sample.cpuNanos() / 1e3 / mode.pings();
                    allocated.get(side)[i] = (double) sample.allocatedBytes() / mode.pings();
                }
            }
            pinnedCpu = new CpuPerFrameBenchmark(emulator, mode).measure(clients, TEXT);
        } finally {
            clients.values().forEach(Side.Client::close);
        }
        String what = "text to first audio, 1 stream, flushed " + TEXT.length + "-character TextEvent, ";
        return List.of(
                row(what + "p50", "us", Goal.maxRatio(1.05), p50),
                row(what + "p99", "us", Goal.NONE, p99),
                row(
                        "client CPU per TextEvent (Java threads), 1 in flight, one stream per trial, not pinned",
                        "us",
                        Goal.NONE,
                        cpu),
                row(
                        "client CPU per TextEvent (Java threads), 1 in flight, raw and session in turns, "
                                + pinnedCpu.where(),
                        "us",
                        Goal.CPU_PER_FRAME,
                        pinnedCpu.perRoundTrip()),
                row("bytes allocated per TextEvent, 1 in flight", "B", Goal.maxExcess(64), allocated));
    }

    private static Row row(String metric, String unit, Goal goal, PerSide<double[]> samples) {
        return new Row(metric, LABEL, unit, goal, samples.get(Side.RAW), samples.get(Side.SESSION));
    }
}
