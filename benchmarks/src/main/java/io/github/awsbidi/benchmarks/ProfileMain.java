package io.github.awsbidi.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;

/**
 * A profiling aid, not a benchmark: {@code java -cp aws-bidi-benchmarks.jar
 * io.github.awsbidi.benchmarks.ProfileMain SIDE OPERATION WARMUP_ROUNDS ROUNDS [JFR_FILE [cpu|alloc]]} runs the latency
 * section's one-frame-in-flight echo rounds through one side only ({@code raw} or {@code session}, {@code sagemaker}
 * or {@code bedrock}), so that a profile of this JVM holds that side's work alone. After the warm-up rounds it prints
 * the bytes allocated and Java-thread CPU per frame of each measured round, then the CPU per frame of each group of
 * threads over all of them, and, given a file, records the measured rounds with JFR (both kinds unless one is named;
 * allocation events make every stack walk count, so CPU samples are best taken alone). With {@code
 * -Dprofile.pauseSeconds=N} it waits N seconds before and after the measured rounds, printing its pid, so that a
 * tracer can be attached to them alone: allocation samples (throttled high, so their weights add up to the bytes
 * allocated), every allocation outside a TLAB (with {@code -XX:-UseTLAB}: every allocation, exact) and CPU samples
 * every millisecond.
 */
public final class ProfileMain {

    private ProfileMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println(
                    "usage: ProfileMain raw|session sagemaker|bedrock WARMUP_ROUNDS ROUNDS [JFR_FILE [cpu|alloc]]");
            System.exit(2);
        }
        Side side = Side.valueOf(args[0].toUpperCase(Locale.ROOT));
        Operation operation = Operation.parse(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path jfr = args.length > 4 ? Path.of(args[4]) : null;
        Mode mode = Mode.FULL;
        byte[] payload = Payloads.of(Payloads.SMALL);
        try (EmulatorProcess emulator = EmulatorProcess.start(List.of(), Duration.ofSeconds(60));
                Side.Client client = side.connect(operation, emulator, 4, mode.clientShape())) {
            for (int i = 0; i < warmups; i++) {
                LatencyBenchmark.once(client.echo(), payload, mode);
            }
            // Time to attach a tracer (strace -c -p …) to the measured rounds only.
            long pause = Long.getLong("profile.pauseSeconds", 0);
            System.out.println("warmed up, pid " + ProcessHandle.current().pid());
            Thread.sleep(pause * 1000);
            Recording recording = jfr != null ? record(args.length > 5 ? args[5] : "cpu,alloc") : null;
            Map<String, Long> threadsBefore = cpuByThread();
            for (int i = 0; i < rounds; i++) {
                LatencyBenchmark.Sample sample = LatencyBenchmark.once(client.echo(), payload, mode);
                System.out.printf(
                        Locale.ROOT,
                        "%s %s round %d: %.1f B/frame, %.2f us CPU/frame%n",
                        side.label(),
                        operation.label(),
                        i,
                        (double) sample.allocatedBytes() / mode.pings(),
                        sample.cpuNanos() / 1e3 / mode.pings());
            }
            Map<String, Long> threadsAfter = cpuByThread();
            threadsAfter.forEach((name, nanos) -> {
                double perFrame = (nanos - threadsBefore.getOrDefault(name, 0L)) / 1e3 / mode.pings() / rounds;
                if (perFrame >= 0.05) {
                    System.out.printf(Locale.ROOT, "  %-40s %.2f us CPU/frame%n", name, perFrame);
                }
            });
            System.out.println("measured");
            Thread.sleep(pause * 1000);
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
                recording.close();
            }
        }
    }

    /** CPU time of the live threads, summed by name with digits dropped (event loop 1, 2… together). */
    private static Map<String, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) {
                    byName.merge(info.getThreadName().replaceAll("[0-9]+", "N"), nanos, Long::sum);
                }
            }
        }
        return byName;
    }

    private static Recording record(String what) {
        Recording recording = new Recording();
        if (what.contains("alloc")) {
            recording
                    .enable("jdk.ObjectAllocationSample")
                    .with("throttle", "100000/s")
                    .withStackTrace();
            // Every allocation when the JVM runs with -XX:-UseTLAB: exact bytes and counts per allocation site.
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
        }
        if (what.contains("cpu")) {
            recording
                    .enable("jdk.ExecutionSample")
                    .withPeriod(Duration.ofMillis(1))
                    .withStackTrace();
        }
        recording.start();
        return recording;
    }
}
