package io.github.awsbidi.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parsed command line.
 *
 * @param endpoint the endpoint override, or {@code null} for AWS's public endpoint
 * @param target what the sessions talk to
 * @param sessions concurrent sessions
 * @param duration the measured window: how long every session streams, all open, while latencies and CPU are counted
 * @param ramp time over which the sessions start, evenly spaced
 * @param audio a 16 kHz 16-bit mono PCM WAV file to loop, or {@code null} for the generated voice-like signal
 * @param json where to write the JSON report, or {@code null}
 * @param region the region, or {@code null} for the SDK's default region chain
 * @param accessKeyId static access key (with {@code secretAccessKey}), or {@code null} for the SDK's default chain
 * @param secretAccessKey the static secret, or {@code null}
 * @param insecure whether any TLS certificate is trusted (the emulator's self-signed one)
 * @param trust a PEM certificate to trust (the emulator's {@code --cert-out}), or {@code null}
 * @param drain how long a session may take to end after its last frame
 * @param warmup how long a warm-up pass streams before the measured sessions start (0: none): as many sessions,
 *     ramped the same way, then ended together, so that JIT, first connections and the backlog they build end with
 *     them
 * @param coldStart the first part of the run whose latencies are reported apart, as the cold start
 * @param streamsPerConnection HTTP/2 streams per connection, or {@code null} for core's default per service
 * @param eventLoopThreads the client's Netty event-loop threads, or {@code null} for the SDK's shared group
 * @param emulator an emulator jar to start in a child JVM and load instead of {@code endpoint}, or {@code null}
 * @param help whether only the usage was asked for
 */
record LoadOptions(
        @Nullable URI endpoint,
        LoadTarget target,
        int sessions,
        Duration duration,
        Duration ramp,
        @Nullable Path audio,
        @Nullable Path json,
        @Nullable String region,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        boolean insecure,
        @Nullable Path trust,
        Duration drain,
        Duration warmup,
        Duration coldStart,
        @Nullable Long streamsPerConnection,
        @Nullable Integer eventLoopThreads,
        @Nullable Path emulator,
        boolean help) {

    static final int MAX_SESSIONS = 20_000;
    static final Duration MIN_DURATION = Duration.ofMillis(100);
    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final Duration MAX_RAMP = Duration.ofHours(1);
    static final Duration MAX_DRAIN = Duration.ofMinutes(10);
    static final int MAX_STREAMS_PER_CONNECTION = 100_000;
    static final int MAX_EVENT_LOOP_THREADS = 1_024;

    /** The credentials the emulator started by {@code --emulator} accepts. */
    static final String EMULATOR_KEY = "test";

    static final String USAGE = """
            usage: java -jar aws-bidi-load.jar --target sagemaker:<endpoint>[/<variant>] | bedrock:<modelId>
                                                        | polly:<voice> [--tokens-per-second N]
                                               [--sessions N] [--duration D] [--ramp D] [--audio FILE.wav]
                                               [--json FILE] [--endpoint URL] [--region R]
                                               [--credentials KEY:SECRET] [--insecure | --trust FILE.pem]
                                               [--drain D] [--warmup D] [--cold-start D] [--streams-per-connection N]
                                               [--event-loop-threads N] [--emulator FILE.jar]
              --target       sagemaker:<endpoint>[/<variant>] or bedrock:<modelId> (a Nova Sonic model id holds
                             conversations: turns, barge-ins) or polly:<voice> (text at an LLM's pace, a sentence
                             flushed every 12 words: text -> first audio, flush -> audio)
              --tokens-per-second  words each Polly session sends per second, 0.5 to 1000 (default 30)
              --sessions     concurrent sessions, 1 to 20000 (default 10)
              --duration     the measured window, 100ms to 24h (default 60s): every session streams from its
                             start until after it, and only frames sent in it are measured; it starts a second
                             after the last session opened, not before --cold-start is over, and the sessions
                             end together half a second after it
              --ramp         sessions start evenly over this time, 0 to 1h (default 5s)
              --audio        16 kHz 16-bit mono PCM WAV, looped (default: a generated voice-like signal)
              --json         also write the report as JSON to FILE
              --endpoint     http:// or https:// URL (default: the AWS endpoint of the region)
              --region       AWS region (default: the SDK's default region chain)
              --credentials  static KEY:SECRET (default: the SDK's default credentials chain)
              --insecure     trust any TLS certificate (needs --endpoint; for the emulator's self-signed one)
              --trust        trust this PEM certificate (the emulator's --cert-out file)
              --drain        how long a session may take to end after its last frame, 0 to 10m (default 15s)
              --warmup       first a warm-up pass: as many sessions, ramped the same way, stream until this long
                             into the run (and until all are open), then end together; then the measured sessions
                             start. JIT, first connections and the backlog they build end with the warm-up
                             sessions, as in the benchmark's unmeasured trial. 0 to 1h (default 0: none)
              --cold-start   latencies in this first part of the run are reported apart from the steady state
                             (class loading, JIT, every stream's TLS handshake), 0 to 1h (default 10s)
              --streams-per-connection
                             HTTP/2 streams per connection, 1 to 100000 (default: 1 for SageMaker, 50 for Bedrock)
              --event-loop-threads
                             the client's Netty event-loop threads, 1 to 1024 (default: the SDK's, 2 per core)
              --emulator     start this emulator jar (emulator/target/aws-bidi-emulator.jar) in a child JVM on
                             loopback with TLS, load it, and report its CPU beside the client's (instead of
                             --endpoint, --trust, --insecure and --credentials)
            Durations: 500ms, 30s, 5m, 1h or ISO-8601 (PT30S).""";

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    static LoadOptions parse(String... args) {
        URI endpoint = null;
        LoadTarget target = null;
        int sessions = 10;
        Duration duration = Duration.ofSeconds(60);
        Duration ramp = Duration.ofSeconds(5);
        Path audio = null;
        Path json = null;
        String region = null;
        String accessKeyId = null;
        String secretAccessKey = null;
        boolean insecure = false;
        Path trust = null;
        Duration drain = Duration.ofSeconds(15);
        Duration warmup = Duration.ZERO;
        Duration coldStart = Duration.ofSeconds(10);
        Long streamsPerConnection = null;
        Integer eventLoopThreads = null;
        Path emulator = null;
        boolean help = false;
        Double tokensPerSecond = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--endpoint" -> endpoint = endpoint(value(args, ++i, option));
                case "--target" -> target = LoadTarget.parse(value(args, ++i, option));
                case "--sessions" -> sessions = whole(option, value(args, ++i, option), 1, MAX_SESSIONS);
                case "--duration" -> duration = within(option, value(args, ++i, option), MIN_DURATION, MAX_DURATION);
                case "--ramp" -> ramp = within(option, value(args, ++i, option), Duration.ZERO, MAX_RAMP);
                case "--audio" -> audio = readable(option, value(args, ++i, option));
                case "--json" -> json = Path.of(value(args, ++i, option));
                case "--region" -> region = region(value(args, ++i, option));
                case "--credentials" -> {
                    String pair = value(args, ++i, option);
                    int colon = pair.indexOf(':');
                    if (colon <= 0 || colon == pair.length() - 1) {
                        throw new InvalidOptionException(option, "expected KEY:SECRET, both non-empty");
                    }
                    accessKeyId = pair.substring(0, colon);
                    secretAccessKey = pair.substring(colon + 1);
                }
                case "--insecure" -> insecure = true;
                case "--trust" -> trust = readable(option, value(args, ++i, option));
                case "--drain" -> drain = within(option, value(args, ++i, option), Duration.ZERO, MAX_DRAIN);
                case "--warmup" -> warmup = within(option, value(args, ++i, option), Duration.ZERO, MAX_RAMP);
                case "--cold-start" -> coldStart = within(option, value(args, ++i, option), Duration.ZERO, MAX_RAMP);
                case "--streams-per-connection" ->
                    streamsPerConnection =
                            (long) whole(option, value(args, ++i, option), 1, MAX_STREAMS_PER_CONNECTION);
                case "--event-loop-threads" ->
                    eventLoopThreads = whole(option, value(args, ++i, option), 1, MAX_EVENT_LOOP_THREADS);
                case "--emulator" -> emulator = readable(option, value(args, ++i, option));
                case "--tokens-per-second" -> tokensPerSecond = tokensPerSecond(value(args, ++i, option));
                case "--help", "-h" -> help = true;
                default -> throw new InvalidOptionException(option, "unknown option");
            }
        }
        if (help) {
            return new LoadOptions(
                    endpoint,
                    target != null ? target : new LoadTarget.SageMaker("echo", null),
                    sessions,
                    duration,
                    ramp,
                    audio,
                    json,
                    region,
                    accessKeyId,
                    secretAccessKey,
                    insecure,
                    trust,
                    drain,
                    warmup,
                    coldStart,
                    streamsPerConnection,
                    eventLoopThreads,
                    emulator,
                    true);
        }
        if (target == null) {
            throw new InvalidOptionException(
                    "--target", "required: sagemaker:<endpoint>[/<variant>] or" + " bedrock:<modelId>");
        }
        if (emulator != null && (endpoint != null || trust != null || insecure || accessKeyId != null)) {
            throw new InvalidOptionException(
                    "--emulator",
                    "starts its own emulator: leave out --endpoint, --trust, --insecure and --credentials");
        }
        if (tokensPerSecond != null) {
            if (!(target instanceof LoadTarget.Polly polly)) {
                throw new InvalidOptionException("--tokens-per-second", "only with --target polly:<voice>");
            }
            target = new LoadTarget.Polly(polly.voiceId(), tokensPerSecond);
        }
        if (insecure && endpoint == null) {
            throw new InvalidOptionException(
                    "--insecure", "only with --endpoint: AWS endpoints have trusted" + " certificates");
        }
        if (insecure && trust != null) {
            throw new InvalidOptionException("--trust", "either --trust or --insecure, not both");
        }
        return new LoadOptions(
                endpoint,
                target,
                sessions,
                duration,
                ramp,
                audio,
                json,
                region,
                accessKeyId,
                secretAccessKey,
                insecure,
                trust,
                drain,
                warmup,
                coldStart,
                streamsPerConnection,
                eventLoopThreads,
                emulator,
                false);
    }

    /** These options aimed at an emulator that this run started: its endpoint, its certificate, its credentials. */
    LoadOptions onEmulator(URI emulatorEndpoint, Path certificate) {
        return new LoadOptions(
                emulatorEndpoint,
                target,
                sessions,
                duration,
                ramp,
                audio,
                json,
                region,
                EMULATOR_KEY,
                EMULATOR_KEY,
                false,
                certificate,
                drain,
                warmup,
                coldStart,
                streamsPerConnection,
                eventLoopThreads,
                emulator,
                help);
    }

    private static double tokensPerSecond(String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0.5 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException(
                "--tokens-per-second", "must be a number from 0.5 to 1000, was '" + text + "'");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new InvalidOptionException(option, "needs a value");
        }
        return args[index];
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidOptionException(
                        "--endpoint", "must be an http:// or https:// URL with a host, was '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidOptionException("--endpoint", "not a URL: " + e.getMessage(), e);
        }
    }

    private static int whole(String option, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new InvalidOptionException(option, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidOptionException(
                    option, "must be a whole number between " + min + " and " + max + ", was '" + text + "'", e);
        }
    }

    private static String region(String text) {
        if (!text.matches("[a-z0-9-]{1,50}")) {
            throw new InvalidOptionException("--region", "must be a region name such as us-east-1, was '" + text + "'");
        }
        return text;
    }

    private static Path readable(String option, String text) {
        Path path = Path.of(text);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new InvalidOptionException(option, "no readable file at " + path.toAbsolutePath());
        }
        return path;
    }

    /** A duration between {@code min} and {@code max} (inclusive). */
    static Duration within(String option, String text, Duration min, Duration max) {
        Duration value = duration(option, text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidOptionException(
                    option, "must be between " + format(min) + " and " + format(max) + ", was " + text);
        }
        return value;
    }

    private static Duration duration(String option, String text) {
        if (text.trim().equals("0")) {
            return Duration.ZERO;
        }
        Matcher simple = SIMPLE_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidOptionException(
                    option, "expected a duration such as 500ms, 30s, 5m, 1h or PT30S, was '" + text + "'", e);
        }
    }

    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        if (duration.toMillis() % 3_600_000 == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        if (duration.toMillis() % 1_000 == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }
}
