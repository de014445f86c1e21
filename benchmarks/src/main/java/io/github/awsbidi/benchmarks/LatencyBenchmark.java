package io.github.awsbidi.benchmarks;

import java.util.List;

/**
 * Echo round trips on one stream, one frame in flight at a time: p50 and p99 per iteration, and the client's work
 * per round trip: CPU time of its Java threads and bytes allocated. With one frame in flight every frame is read and
 * written the same way (no batching that depends on timing), so the bytes per frame are steady from trial to trial.
 * The CPU time per frame is not: each trial's stream keeps the cost the scheduler's placement of the two event-loop
 * threads gives it, so this CPU row is shown for reference and the per-frame CPU target is judged on {@link
 * CpuPerFrameBenchmark}'s.
 */
final class LatencyBenchmark {

    private final EmulatorProcess emulator;
    private final Mode mode;

    LatencyBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    List<Row> run(Operation operation) throws InterruptedException {
        byte[] payload = Payloads.of(Payloads.SMALL);
        PerSide<double[]> p50 = new PerSide<>();
        PerSide<double[]> p99 = new PerSide<>();
        PerSide<double[]> cpu = new PerSide<>();
        PerSide<double[]> allocated = new PerSide<>();
        PerSide<Side.Client> clients = new PerSide<>();
        try {
            for (Side side : Side.values()) {
                clients.put(side, side.connect(operation, emulator, 4, mode.clientShape()));
                p50.put(side, new double[mode.pingPairs()]);
                p99.put(side, new double[mode.pingPairs()]);
                cpu.put(side, new double[mode.pingPairs()]);
                allocated.put(side, new double[mode.pingPairs()]);
            }
            for (int i = 0; i < mode.warmups(); i++) {
                for (Side side : Side.values()) {
                    once(clients.get(side).echo(), payload, mode);
                }
            }
            for (int i = 0; i < mode.pingPairs(); i++) {
                for (Side side : Sides.inTurn(i)) {
                    Sample sample = once(clients.get(side).echo(), payload, mode);
                    p50.get(side)[i] = Numbers.percentile(sample.roundTrips(), 50) / 1e3;
                    p99.get(side)[i] = Numbers.percentile(sample.roundTrips(), 99) / 1e3;
                    cpu.get(side)[i] = sample.cpuNanos() / 1e3 / mode.pings();
                    allocated.get(side)[i] = (double) sample.allocatedBytes() / mode.pings();
                }
            }
        } finally {
            clients.values().forEach(Side.Client::close);
        }
        String what = "echo latency, 1 stream, " + Payloads.SMALL + " B, ";
        return List.of(
                Row.compared(
                        what + "p50", operation, "us", Goal.maxRatio(1.05), p50.get(Side.RAW), p50.get(Side.SESSION)),
                Row.compared(what + "p99", operation, "us", Goal.NONE, p99.get(Side.RAW), p99.get(Side.SESSION)),
                Row.compared(
                        "client CPU per frame (Java threads), 1 in flight, " + Payloads.SMALL + " B, one stream per "
                                + "trial, not pinned",
                        operation,
                        "us",
                        Goal.NONE,
                        cpu.get(Side.RAW),
                        cpu.get(Side.SESSION)),
                Row.compared(
                        "bytes allocated per frame, 1 in flight, " + Payloads.SMALL + " B",
                        operation,
                        "B",
                        Goal.maxExcess(64),
                        allocated.get(Side.RAW),
                        allocated.get(Side.SESSION)));
    }

    /**
     * One iteration: opens a stream, waits for its first answer, then times {@code mode.pings()} round trips with
     * one frame in flight, with the client's CPU time and allocation over them, and closes the stream.
     */
    static Sample once(EchoClient client, byte[] payload, Mode mode) throws InterruptedException {
        PingPong pingPong = new PingPong(payload, mode.pings());
        pingPong.open(client);
        Probes.await(pingPong.firstEcho(), mode.timeout(), "opening a stream");
        // Between the first echo and the last: only round trips, no opening or closing.
        Probes.ThreadCpu cpuBefore = Probes.threadCpu();
        long allocatedBefore = Probes.allocatedBytes();
        pingPong.startRounds();
        long[] samples = Probes.await(pingPong.finished(), mode.timeout(), mode.pings() + " round trips");
        long cpu = cpuBefore.elapsedNanos();
        long allocated = Probes.allocatedBytes() - allocatedBefore;
        Probes.await(pingPong.close(), mode.timeout(), "closing the stream");
        return new Sample(samples, cpu, allocated);
    }

    record Sample(long[] roundTrips, long cpuNanos, long allocatedBytes) {}
}
