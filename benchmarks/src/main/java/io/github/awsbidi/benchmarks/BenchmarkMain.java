package io.github.awsbidi.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * {@code java -jar benchmarks/target/aws-bidi-benchmarks.jar [--mode short|full] [--only SECTIONS]
 * [--ops sagemaker,bedrock] [--concurrency 100,1000] [--live-streams N] [--streams-per-connection N]
 * [--event-loop-threads N] [--tls-provider jdk|openssl] [--markdown FILE] [--json FILE]}: starts the
 * emulator in a child JVM, measures every row for the raw SDK and for the session in interleaved pairs, and prints
 * one Markdown table with 95% intervals. Progress goes to standard error, the table to standard output.
 */
public final class BenchmarkMain {

    static final String EMULATOR_JVM_OPTIONS = "aws.bidi.benchmark.emulator-jvm-options";

    static final String EMULATOR_JAR = "aws.bidi.benchmark.emulator-jar";

    static final String EMULATOR_ARGS = "aws.bidi.benchmark.emulator-args";

    private static final String USAGE = """
            usage: java -jar aws-bidi-benchmarks.jar [--mode short|full] [--only SECTIONS] [--ops OPS]
                                                     [--concurrency N,N,...] [--live-streams N]
                                                     [--streams-per-connection N] [--event-loop-threads N]
                                                     [--tls-provider jdk|openssl] [--markdown FILE] [--json FILE]
              --mode          short (a few minutes, default) or full (the table in docs/load-and-benchmarks.md,
                              sized for about 45 minutes on 2 quiet cores)
              --only          comma-separated: throughput, latency, concurrency, ceiling, live-audio,
                              live-audio-defaults, knee, memory, polly (default: all)
              --ops           comma-separated: sagemaker, bedrock (default: both); the echo sections only,
                              polly is its own section
              --concurrency   stream counts of the concurrency rows (short: 100; full: 100,1000)
              --live-streams  concurrent real-time streams of the live-audio rows (short: 100; full: 500)
              --streams-per-connection
                              HTTP/2 streams per connection of both sides' clients (default: core's, SageMaker 1,
                              Bedrock 50)
              --event-loop-threads
                              both sides' clients' Netty event-loop threads (default: the SDK's, 2 per core)
              --tls-provider  jdk (default, what the starter uses) or openssl (netty-tcnative BoringSSL)
              --markdown      also write the header and table to FILE
              --json          also write every sample, median, interval and verdict to FILE""";

    private static final long START = System.nanoTime();

    /** The sections of the table, in order. */
    enum Section {
        THROUGHPUT,
        LATENCY,
        CONCURRENCY,
        CEILING,
        LIVE_AUDIO,
        LIVE_AUDIO_DEFAULTS,
        KNEE,
        MEMORY,
        POLLY
    }

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("aws-bidi benchmarks: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        String heapProblem = heapProblem(options);
        if (heapProblem != null) {
            System.err.println("aws-bidi benchmarks: " + heapProblem);
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        try (EmulatorProcess emulator = EmulatorProcess.start(
                emulatorJvmOptions(), emulatorJar(), emulatorArguments(), Duration.ofSeconds(60))) {
            progress("emulator (separate JVM) listening on " + emulator.endpoint());
            rows.addAll(run(options, emulator));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String header = header(options.mode(), took, emulatorJar());
        String report = header + "\n" + ResultTable.markdown(rows);
        System.out.println(report);
        if (options.markdown() != null) {
            Files.writeString(options.markdown(), report, StandardCharsets.UTF_8);
        }
        if (options.json() != null) {
            Files.writeString(options.json(), ResultTable.json(rows, header), StandardCharsets.UTF_8);
        }
    }

    /**
     * Extra options for the emulator's JVM, from the system property {@value #EMULATOR_JVM_OPTIONS} (separated by
     * spaces): to profile the emulator alone, e.g. {@code -Daws.bidi.benchmark.emulator-jvm-options=
     * -XX:StartFlightRecording=filename=emulator.jfr}. None by default: the rows measure the emulator as shipped.
     */
    private static List<String> emulatorJvmOptions() {
        return words(System.getProperty(EMULATOR_JVM_OPTIONS, ""));
    }

    /**
     * Extra command-line options for the emulator, from the system property {@value #EMULATOR_ARGS} (separated by
     * spaces): to measure one of its settings against its default, e.g. {@code
     * -Daws.bidi.benchmark.emulator-args="--tls-provider jdk"}. None by default.
     */
    private static List<String> emulatorArguments() {
        return words(System.getProperty(EMULATOR_ARGS, ""));
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    /**
     * Another build's runnable emulator jar, from the system property {@value #EMULATOR_JAR}: to measure an older
     * emulator against this one on the same machine (e.g. the ceiling rows). None by default: this build's emulator.
     */
    private static @Nullable Path emulatorJar() {
        String jar = System.getProperty(EMULATOR_JAR, "").strip();
        return jar.isEmpty() ? null : Path.of(jar);
    }

    private static List<Row> run(Options options, EmulatorProcess emulator) throws InterruptedException, IOException {
        Mode mode = options.mode();
        List<Row> rows = new ArrayList<>();
        if (options.sections().contains(Section.THROUGHPUT)) {
            ThroughputBenchmark throughput = new ThroughputBenchmark(emulator, mode);
            for (Operation operation : options.operations()) {
                progress("throughput, " + operation.label());
                rows.addAll(throughput.run(operation, Payloads.SMALL, mode.smallFrames()));
                rows.addAll(throughput.run(operation, Payloads.AUDIO, mode.audioFrames()));
            }
        }
        if (options.sections().contains(Section.LATENCY)) {
            LatencyBenchmark latency = new LatencyBenchmark(emulator, mode);
            CpuPerFrameBenchmark cpuPerFrame = new CpuPerFrameBenchmark(emulator, mode);
            for (Operation operation : options.operations()) {
                progress("latency, " + operation.label());
                rows.addAll(latency.run(operation));
                progress("CPU per frame, " + operation.label());
                rows.add(cpuPerFrame.run(operation));
            }
        }
        if (options.sections().contains(Section.CONCURRENCY)) {
            ConcurrencyBenchmark concurrency = new ConcurrencyBenchmark(emulator, mode);
            int warmUpStreams = Math.min(
                    mode.concurrencyWarmUpStreams(),
                    mode.concurrency().stream()
                            .mapToInt(Integer::intValue)
                            .min()
                            .orElse(1));
            for (Operation operation : options.operations()) {
                progress("concurrency, " + operation.label() + ", warm-up with " + warmUpStreams + " streams");
                concurrency.warmUp(operation, warmUpStreams);
                for (int streams : mode.concurrency()) {
                    progress("concurrency, " + operation.label() + ", " + streams + " streams");
                    rows.addAll(concurrency.run(operation, streams));
                }
            }
        }
        if (options.sections().contains(Section.LIVE_AUDIO)) {
            LiveAudioBenchmark live = new LiveAudioBenchmark(emulator, mode);
            for (Operation operation : options.operations()) {
                progress("live audio, " + operation.label() + ", " + mode.liveStreams() + " streams, "
                        + mode.livePairs() + " pair(s) of " + mode.liveSeconds() + " s windows");
                rows.addAll(live.run(operation, mode.liveStreams()));
            }
        }
        if (options.sections().contains(Section.LIVE_AUDIO_DEFAULTS)) {
            LiveAudioBenchmark live = new LiveAudioBenchmark(emulator, mode, SideSettings.OWN_DEFAULTS);
            for (Operation operation : options.operations()) {
                progress("live audio, each side at its own defaults, " + operation.label() + ", "
                        + mode.liveStreams() + " streams, " + mode.ownDefaultsPairs() + " pair(s) of "
                        + mode.liveSeconds()
                        + " s windows");
                rows.addAll(live.run(operation, mode.liveStreams()));
            }
        }
        if (options.sections().contains(Section.KNEE)) {
            KneeBenchmark knee = new KneeBenchmark(new LiveAudioBenchmark(emulator, mode), mode);
            for (Operation operation : options.operations()) {
                progress("knee, " + operation.label() + ", climbing " + mode.kneeLevels() + " streams");
                rows.addAll(knee.run(operation));
            }
        }
        if (options.sections().contains(Section.MEMORY)) {
            MemoryBenchmark memory = new MemoryBenchmark(emulator, mode);
            for (Operation operation : options.operations()) {
                progress("memory per stream, " + operation.label() + ", " + MemoryBenchmark.SETTINGS.size()
                        + " collector settings in child JVMs");
                rows.addAll(memory.run(operation));
            }
        }
        if (options.sections().contains(Section.CEILING)) {
            CeilingBenchmark ceiling = new CeilingBenchmark(emulator, mode);
            for (Operation operation : options.operations()) {
                progress("emulator ceiling, " + operation.label());
                rows.addAll(ceiling.run(operation));
            }
        }
        if (options.sections().contains(Section.POLLY)) {
            progress("polly, text to first audio");
            rows.addAll(new PollyBenchmark(emulator, mode).run());
            progress("polly, heap per idle open stream, " + mode.memoryStreams() + " streams in a child JVM");
            rows.add(new MemoryBenchmark(emulator, mode).runPolly());
        }
        return rows;
    }

    /**
     * Why the heap is too small for the concurrency rows, or {@code null}. On SDKs that decode event streams with
     * {@code software.amazon.eventstream} (2.40.2 does) every open stream holds its 2 MiB decoder buffer, a humongous
     * object that fills a whole 4 MiB G1 region (about 4.5 MiB a stream); newer SDKs need tens of KB a stream (256 KB
     * allowed).
     */
    private static @Nullable String heapProblem(Options options) {
        int most = 0;
        if (options.sections().contains(Section.CONCURRENCY)) {
            most = options.mode().concurrency().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(0);
        }
        if (options.sections().contains(Section.LIVE_AUDIO)
                || options.sections().contains(Section.LIVE_AUDIO_DEFAULTS)) {
            most = Math.max(most, options.mode().liveStreams());
        }
        if (options.sections().contains(Section.KNEE)) {
            most = Math.max(
                    most,
                    options.mode().kneeLevels().stream()
                            .mapToInt(Integer::intValue)
                            .max()
                            .orElse(0));
        }
        if (most == 0) {
            return null;
        }
        double perStream = oldEventStreamDecoder() ? 4.5 * 1024 * 1024 : 256 * 1024;
        long needed = (long) (most * perStream) + 1024L * 1024 * 1024;
        long max = Runtime.getRuntime().maxMemory();
        if (max >= needed) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%d concurrent streams need a heap of about %d MB but the maximum is %d MB: run java -Xmx%dg -jar"
                        + " ..., or lower --concurrency",
                most,
                needed >> 20,
                max >> 20,
                (needed >> 30) + 2);
    }

    /** Whether the SDK decodes event streams with the old library whose decoder holds 2 MiB per stream. */
    static boolean oldEventStreamDecoder() {
        try {
            Class.forName("software.amazon.eventstream.MessageDecoder", false, BenchmarkMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String header(Mode mode, Duration took, @Nullable Path emulatorJar) {
        Runtime.Version version = Runtime.version();
        return String.format(
                Locale.ROOT,
                """
                aws-bidi benchmarks, mode %s, %s: %d CPUs (nproc), %s %s, JDK %s (%s), AWS SDK %s, client heap max \
                %d MB, emulator (TLS)%s in a separate JVM on the same machine; took %d s. Clients (both sides): \
                %s; the rows "each side at its own defaults" say what each side used instead.
                Raw and session trials interleaved in pairs (n = pairs, alternating which side goes first); each \
                side's median with its 95%% interval (distribution-free, order statistics: the 22nd and 39th of 60, \
                the 6th and 15th of 20, the 2nd and 9th of 10, the 1st and 6th of 6; below 6 pairs only the range); \
                session/raw = median of the per-pair ratios with its interval. The client CPU per frame rows with \
                a target: a raw and a session stream open side by side, their round trips in turns of %d, client \
                and emulator pinned to one CPU (the row says where). Targets are judged on the interval: ok when \
                all of it meets the target, MISS when none of it does, unclear otherwise. Concurrency rows: %d \
                iteration(s) per side, at most %d streams opening at once.
                """,
                mode.name(),
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                version,
                System.getProperty("java.vm.name"),
                VersionInfo.SDK_VERSION,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024),
                (emulatorJar == null ? "" : " from " + emulatorJar)
                        + (emulatorArguments().isEmpty() ? "" : " with " + String.join(" ", emulatorArguments())),
                took.toSeconds(),
                mode.clientShape().text(),
                CpuPerFrameBenchmark.BLOCK,
                mode.concurrencyIterations(),
                ConcurrencyBenchmark.OPENING_AT_ONCE);
    }

    private static void progress(String step) {
        System.err.printf(Locale.ROOT, "[bench %4ds] %s%n", (System.nanoTime() - START) / 1_000_000_000L, step);
    }

    /** The parsed command line. */
    record Options(
            Mode mode,
            Set<Section> sections,
            List<Operation> operations,
            @Nullable Path markdown,
            @Nullable Path json,
            boolean help) {

        static Options parse(String[] args) {
            Mode mode = Mode.SHORT;
            Set<Section> sections = EnumSet.allOf(Section.class);
            List<Operation> operations = List.of(Operation.values());
            List<Integer> concurrency = null;
            Path markdown = null;
            Path json = null;
            Integer liveStreams = null;
            Long streamsPerConnection = null;
            Integer eventLoopThreads = null;
            String tlsProvider = "jdk";
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--mode" -> mode = Mode.parse(value(args, ++i));
                    case "--only" -> sections = sections(value(args, ++i));
                    case "--ops" ->
                        operations = Arrays.stream(value(args, ++i).split(","))
                                .map(Operation::parse)
                                .distinct()
                                .toList();
                    case "--concurrency" ->
                        concurrency = Arrays.stream(value(args, ++i).split(","))
                                .map(String::trim)
                                .map(text -> positive(text, "--concurrency"))
                                .toList();
                    case "--markdown" -> markdown = Path.of(value(args, ++i));
                    case "--json" -> json = Path.of(value(args, ++i));
                    case "--live-streams" -> liveStreams = positive(value(args, ++i), "--live-streams");
                    case "--streams-per-connection" ->
                        streamsPerConnection = (long) positive(value(args, ++i), "--streams-per-connection");
                    case "--event-loop-threads" ->
                        eventLoopThreads = positive(value(args, ++i), "--event-loop-threads");
                    case "--tls-provider" -> tlsProvider = value(args, ++i);
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (concurrency != null) {
                mode = mode.withConcurrency(concurrency);
            }
            if (liveStreams != null) {
                mode = mode.withLiveStreams(liveStreams);
            }
            mode = mode.withClientShape(new ClientShape(streamsPerConnection, eventLoopThreads, tlsProvider));
            return new Options(mode, sections, operations, markdown, json, help);
        }

        private static Set<Section> sections(String text) {
            Set<Section> sections = EnumSet.noneOf(Section.class);
            for (String name : text.split(",")) {
                try {
                    sections.add(
                            Section.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "unknown section '" + name + "', expected "
                                    + Arrays.toString(Section.values()).toLowerCase(Locale.ROOT),
                            e);
                }
            }
            return sections;
        }

        private static int positive(String text, String option) {
            try {
                int value = Integer.parseInt(text);
                if (value < 1) {
                    throw new IllegalArgumentException(option + " values must be at least 1, was " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " values must be numbers, was " + text, e);
            }
        }

        private static String value(String[] args, int index) {
            if (index >= args.length) {
                throw new IllegalArgumentException(args[index - 1] + " needs a value");
            }
            return args[index];
        }
    }
}
