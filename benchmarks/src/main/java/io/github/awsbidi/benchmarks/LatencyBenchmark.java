package io.github.awsbidi.benchmarks;

import java.util.List;

/** Echo round-trip time on one stream, one frame in flight at a time: p50 and p99 per iteration. */
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
        PerSide<Side.Client> clients = new PerSide<>();
        try {
            for (Side side : Side.values()) {
                clients.put(side, side.connect(operation, emulator, 4, null));
                p50.put(side, new double[mode.iterations()]);
                p99.put(side, new double[mode.iterations()]);
            }
            for (int i = 0; i < mode.warmups(); i++) {
                for (Side side : Side.values()) {
                    once(clients.get(side).echo(), payload);
                }
            }
            for (int i = 0; i < mode.iterations(); i++) {
                for (Side side : Sides.inTurn(i)) {
                    long[] samples = once(clients.get(side).echo(), payload);
                    p50.get(side)[i] = Numbers.percentile(samples, 50) / 1e3;
                    p99.get(side)[i] = Numbers.percentile(samples, 99) / 1e3;
                }
            }
        } finally {
            clients.values().forEach(Side.Client::close);
        }
        String what = "echo latency, 1 stream, " + Payloads.SMALL + " B, ";
        return List.of(
                Row.compared(what + "p50", operation, "us", Goal.maxRatio(1.05), p50.get(Side.RAW),
                        p50.get(Side.SESSION)),
                Row.compared(what + "p99", operation, "us", Goal.NONE, p99.get(Side.RAW), p99.get(Side.SESSION)));
    }

    private long[] once(EchoClient client, byte[] payload) throws InterruptedException {
        PingPong pingPong = new PingPong(payload, mode.pings());
        pingPong.open(client);
        Probes.await(pingPong.firstEcho(), mode.timeout(), "opening a stream");
        pingPong.startRounds();
        long[] samples = Probes.await(pingPong.finished(), mode.timeout(), mode.pings() + " round trips");
        Probes.await(pingPong.close(), mode.timeout(), "closing the stream");
        return samples;
    }
}
