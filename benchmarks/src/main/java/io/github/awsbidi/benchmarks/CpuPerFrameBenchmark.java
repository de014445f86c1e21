package io.github.awsbidi.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * The client's CPU time per round trip with one frame in flight, session against raw, measured so that only the code
 * differs between the two: the row the per-frame CPU target is judged on.
 * <p>
 * Each pair opens a raw and a session stream side by side and runs their round trips in turns of {@value #BLOCK}
 * (alternating which side goes first), so whatever slows the machine for a while slows both alike; the Java threads'
 * CPU time of each turn goes to its side. The client and the emulator are pinned to one CPU meanwhile ({@link
 * OneCpu}: where the scheduler puts the two event-loop threads otherwise sets a stream's cost for its whole life,
 * by up to a factor of two and a half). Reading the threads' CPU times between turns is counted a little, on both
 * sides alike (tens of microseconds against milliseconds per turn).
 */
final class CpuPerFrameBenchmark {

    /** Round trips per turn: a few milliseconds of CPU, short against the spells of a busy neighbour. */
    static final int BLOCK = 200;

    private final EmulatorProcess emulator;
    private final Mode mode;

    CpuPerFrameBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    /** The row of {@code operation}'s echo streams. */
    Row run(Operation operation) throws InterruptedException {
        PerSide<Side.Client> clients = new PerSide<>();
        try {
            for (Side side : Side.values()) {
                clients.put(side, side.connect(operation, emulator, 4, mode.clientShape()));
            }
            Measured measured = measure(clients, Payloads.of(Payloads.SMALL));
            return Row.compared(
                    "client CPU per frame (Java threads), 1 in flight, " + Payloads.SMALL + " B, raw and session in "
                            + "turns, " + measured.where(),
                    operation,
                    "us",
                    Goal.CPU_PER_FRAME,
                    measured.perRoundTrip().get(Side.RAW),
                    measured.perRoundTrip().get(Side.SESSION));
        } finally {
            clients.values().forEach(Side.Client::close);
        }
    }

    /**
     * Each side's CPU time per round trip of {@code payload}, in microseconds, one value per pair, over streams of
     * {@code clients}: {@code mode.pingPairs()} pairs of {@code mode.pings()} round trips a side, after {@code
     * mode.warmups()} unmeasured pairs.
     */
    Measured measure(PerSide<Side.Client> clients, byte[] payload) throws InterruptedException {
        int turns = Math.max(1, mode.pings() / BLOCK);
        int block = mode.pings() / turns;
        PerSide<double[]> cpu = new PerSide<>();
        for (Side side : Side.values()) {
            cpu.put(side, new double[mode.pingPairs()]);
        }
        try (OneCpu pinned = pin()) {
            for (int i = 0; i < mode.warmups(); i++) {
                pair(clients, payload, i, turns, block);
            }
            for (int i = 0; i < mode.pingPairs(); i++) {
                PerSide<Long> nanos = pair(clients, payload, i, turns, block);
                for (Side side : Side.values()) {
                    cpu.get(side)[i] = nanos.get(side) / 1e3 / (turns * block);
                }
            }
            return new Measured(cpu, pinned.description());
        }
    }

    /**
     * What {@link #measure} found.
     *
     * @param perRoundTrip each side's CPU time per round trip, microseconds, one value per pair
     * @param where where the client and the emulator ran ({@link OneCpu#description()})
     */
    record Measured(PerSide<double[]> perRoundTrip, String where) {}

    private OneCpu pin() {
        if (emulator.pid().isEmpty()) {
            return OneCpu.notPinned("the emulator is another JVM's");
        }
        return OneCpu.pin(List.of(ProcessHandle.current().pid(), emulator.pid().getAsLong()));
    }

    /** One pair: both streams opened, {@code turns} turns each of {@code block} round trips, both closed. */
    private PerSide<Long> pair(PerSide<Side.Client> clients, byte[] payload, int pair, int turns, int block)
            throws InterruptedException {
        Duration timeout = mode.timeout();
        PerSide<PingBlocks> streams = new PerSide<>();
        PerSide<Long> nanos = new PerSide<>();
        for (Side side : Sides.inTurn(pair)) {
            streams.put(side, PingBlocks.open(clients.get(side).echo(), payload, timeout));
            nanos.put(side, 0L);
        }
        for (int turn = 0; turn < turns; turn++) {
            for (Side side : Sides.inTurn(pair + turn)) {
                Probes.ThreadCpu before = Probes.threadCpu();
                streams.get(side).run(block, timeout);
                nanos.put(side, nanos.get(side) + before.elapsedNanos());
            }
        }
        for (PingBlocks stream : streams.values()) {
            stream.close(timeout);
        }
        return nanos;
    }
}
