package io.github.awsbidi.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Heap per idle open stream under the default collector and under ZGC, each in a child JVM ({@link HeapProbeMain})
 * with the flags under test. On SDKs that decode event streams with {@code software.amazon.eventstream} (2.40.2) the
 * decoder's 2 MiB buffer per stream is a humongous object for G1 and the collector setting halved the cost; the SDK's
 * own decoder (2.57 and later) starts at 2 KiB, so the setting no longer matters much: ZGC is kept as the check.
 */
final class MemoryBenchmark {

    /** The child's heap: fixed, so that G1's default region size is the same on every machine (2 MiB at 4 GB). */
    static final String HEAP = "-Xmx4g";

    /** The settings measured: a label and the child's JVM flags. */
    record Setting(String label, List<String> flags) {}

    static final List<Setting> SETTINGS = List.of(
            new Setting("G1, default region size", List.of(HEAP, "-XX:+UseG1GC")),
            new Setting("ZGC, -XX:+UseZGC", List.of(HEAP, "-XX:+UseZGC")));

    private final EmulatorProcess emulator;
    private final Mode mode;

    MemoryBenchmark(EmulatorProcess emulator, Mode mode) {
        this.emulator = emulator;
        this.mode = mode;
    }

    List<Row> run(Operation operation) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            rows.add(run(operation.label(), setting));
        }
        return rows;
    }

    /**
     * Polly's idle open streams (each has spoken one text), under the default collector only: the ZGC row checks the
     * event-stream decoder, which Polly's streams share with the other two.
     */
    Row runPolly() throws IOException, InterruptedException {
        return run(PollyBenchmark.LABEL, SETTINGS.get(0));
    }

    private Row run(String target, Setting setting) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(setting.flags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HeapProbeMain.class.getName());
        command.add(emulator.endpoint().toString());
        command.add(emulator.certificate().toString());
        command.add(target);
        command.add(Integer.toString(mode.memoryStreams()));
        command.add(Integer.toString(mode.memoryPairs()));
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        double[] raw = new double[mode.memoryPairs()];
        double[] session = new double[mode.memoryPairs()];
        int rawCount = 0;
        int sessionCount = 0;
        String collector = "?";
        long region = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[0].equals("gc")) {
                    collector = parts[1];
                    region = Long.parseLong(parts[2]);
                } else if (parts.length == 3 && parts[0].equals("heap") && parts[1].equals("RAW")) {
                    raw[rawCount++] = Double.parseDouble(parts[2]);
                } else if (parts.length == 3 && parts[0].equals("heap") && parts[1].equals("SESSION")) {
                    session[sessionCount++] = Double.parseDouble(parts[2]);
                } else {
                    System.err.println("[heap probe] " + line);
                }
            }
        } finally {
            if (!child.waitFor(mode.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
        }
        if (child.exitValue() != 0 || rawCount != raw.length || sessionCount != session.length) {
            throw new IllegalStateException("the heap probe for " + setting.label() + " exited with "
                    + child.exitValue() + " after " + rawCount + " raw and " + sessionCount + " session trials");
        }
        String regionText = region > 0 ? String.format(Locale.ROOT, "region %d MiB, ", region >> 20) : "";
        return new Row(
                String.format(
                        Locale.ROOT,
                        "heap per open stream, %s (%s%s %s), %d streams",
                        setting.label(),
                        regionText,
                        collector,
                        HEAP,
                        mode.memoryStreams()),
                target,
                "KB",
                Goal.maxExcess(8),
                raw,
                session);
    }
}
