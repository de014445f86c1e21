package io.github.awsbidi.benchmarks;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The child JVM of {@link MemoryBenchmark}, started with the garbage-collector flags under test:
 * {@code HeapProbeMain ENDPOINT CERT.pem TARGET STREAMS PAIRS}, TARGET {@code sagemaker}, {@code bedrock} or
 * {@code polly}. Opens STREAMS idle streams (each has answered one frame, or for Polly spoken one text) for raw and
 * session in turn, PAIRS times, and prints one line per trial, {@code heap SIDE KB-PER-STREAM}, after a line
 * {@code gc NAME REGION-BYTES}.
 */
final class HeapProbeMain {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private HeapProbeMain() {}

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        EmulatorProcess emulator = EmulatorProcess.attach(endpoint, Path.of(args[1]));
        String target = args[2];
        int streams = Integer.parseInt(args[3]);
        int pairs = Integer.parseInt(args[4]);
        boolean polly = target.equals(PollyBenchmark.LABEL);
        BiFunction<Side, Integer, Side.Client> connect;
        if (polly) {
            connect = (side, most) -> side.connectPolly(emulator, PollyBenchmark.VOICE, most, ClientShape.DEFAULTS);
        } else {
            Operation operation = Operation.parse(target);
            connect = (side, most) -> side.connect(operation, emulator, most, ClientShape.DEFAULTS);
        }
        byte[] payload = polly ? PollyBenchmark.TEXT : Payloads.of(Payloads.SMALL);
        System.out.println("gc " + collectors() + " " + regionBytes());
        // Class loading and the first connections on both sides, unmeasured.
        for (Side side : Side.values()) {
            heapPerStream(connect.apply(side, 4), payload, 4);
        }
        for (int i = 0; i < pairs; i++) {
            for (Side side : Sides.inTurn(i)) {
                System.out.printf(
                        Locale.ROOT,
                        "heap %s %.3f%n",
                        side.name(),
                        heapPerStream(connect.apply(side, streams), payload, streams));
            }
        }
    }

    /**
     * Heap after full collections with {@code streams} idle open streams of {@code connected} (closed afterwards),
     * less the heap before, per stream, in KB.
     */
    private static double heapPerStream(Side.Client connected, byte[] payload, int streams)
            throws InterruptedException {
        try (Side.Client client = connected) {
            PingPong warmUp = new PingPong(payload, 0);
            warmUp.open(client.echo());
            Probes.await(warmUp.firstEcho(), TIMEOUT, "opening a warm-up stream");
            Probes.await(warmUp.close(), TIMEOUT, "closing the warm-up stream");
            long before = Probes.heapAfterGc();
            List<PingPong> all = new ArrayList<>(streams);
            for (int i = 0; i < streams; i++) {
                PingPong stream = new PingPong(payload, 0);
                all.add(stream);
                stream.open(client.echo());
                if (i % ConcurrencyBenchmark.OPENING_AT_ONCE == ConcurrencyBenchmark.OPENING_AT_ONCE - 1) {
                    Probes.await(stream.firstEcho(), TIMEOUT, "opening streams");
                }
            }
            for (PingPong stream : all) {
                Probes.await(stream.firstEcho(), TIMEOUT, "opening " + streams + " streams");
            }
            long open = Probes.heapAfterGc();
            List<CompletableFuture<Void>> closing = new ArrayList<>(streams);
            all.forEach(stream -> closing.add(stream.close()));
            Probes.await(
                    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)),
                    TIMEOUT,
                    "closing " + streams + " streams");
            return (open - before) / 1024.0 / streams;
        }
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .map(name -> name.split(" ")[0])
                .distinct()
                .collect(Collectors.joining("+"));
    }

    /** G1's region size in bytes, 0 for collectors without regions of that kind. */
    private static long regionBytes() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean g1 = Boolean.parseBoolean(hotSpot.getVMOption("UseG1GC").getValue());
        return g1 ? Long.parseLong(hotSpot.getVMOption("G1HeapRegionSize").getValue()) : 0;
    }
}
