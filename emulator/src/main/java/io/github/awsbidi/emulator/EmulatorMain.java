package io.github.awsbidi.emulator;

import io.github.awsbidi.emulator.auth.AwsCredential;
import io.github.awsbidi.emulator.config.EmulatorConfigReader;
import io.github.awsbidi.emulator.tls.TlsProvider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar aws-bidi-emulator-<version>.jar [--port N] [--host H] [--tls] [--config FILE] [--cert-out FILE]
 * [--credentials KEY:SECRET] [--cassettes DIR] [--max-concurrent-streams N] [--tls-provider auto|jdk|openssl]
 * [--event-loop-threads N]}:
 * starts an emulator, prints exactly one line {@code aws-bidi emulator listening on <endpoint>} and serves
 * until the process is stopped.
 */
public final class EmulatorMain {

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("aws-bidi emulator: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (line.help()) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        EmulatorConfig.Builder builder =
                line.config() == null ? EmulatorConfig.builder() : EmulatorConfigReader.read(line.config()).toBuilder();
        if (line.port() != null) {
            builder.port(line.port());
        }
        if (line.host() != null) {
            builder.host(line.host());
        }
        if (line.tls()) {
            builder.tls(true);
        }
        if (!line.certNames().isEmpty()) {
            builder.tlsNames(line.certNames());
        }
        AwsCredential credential = line.credential() != null ? line.credential() : credentialFromEnvironment();
        if (credential != null) {
            builder.credentials(java.util.List.of(credential));
        }
        if (line.tlsProvider() != null) {
            builder.tlsProvider(line.tlsProvider());
        }
        if (line.maxConcurrentStreams() != null) {
            builder.maxConcurrentStreams(line.maxConcurrentStreams());
        }
        if (line.eventLoopThreads() != null) {
            builder.eventLoopThreads(line.eventLoopThreads());
        }
        for (Path directory : line.cassettes()) {
            builder.cassetteDirectory(directory);
        }
        BidiEmulator emulator = BidiEmulator.start(builder.build());
        if (line.certOut() != null) {
            emulator.certificate().writePem(line.certOut());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "aws-bidi-emulator-shutdown"));
        PrintStream out = System.out;
        out.println("aws-bidi emulator listening on " + emulator.endpoint());
        out.flush();
        stopped.await();
    }

    /** Name of the environment variable read when there is no {@code --credentials}: a container's setting. */
    static final String CREDENTIALS_VARIABLE = "AWS_BIDI_EMULATOR_CREDENTIALS";

    // An environment variable, because Compose tooling (Spring Boot's among them) reads a service's environment
    // but not its command line.
    private static @org.jspecify.annotations.Nullable AwsCredential credentialFromEnvironment() {
        String value = System.getenv(CREDENTIALS_VARIABLE);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return CommandLine.parseCredential(value);
        } catch (IllegalArgumentException e) {
            System.err.println(
                    "aws-bidi emulator: " + CREDENTIALS_VARIABLE + " must be ACCESS_KEY_ID:SECRET_ACCESS_KEY");
            System.exit(2);
            return null;
        }
    }

    /** The parsed command line. */
    record CommandLine(
            @org.jspecify.annotations.Nullable Integer port,
            @org.jspecify.annotations.Nullable String host,
            boolean tls,
            @org.jspecify.annotations.Nullable Path config,
            @org.jspecify.annotations.Nullable Path certOut,
            @org.jspecify.annotations.Nullable AwsCredential credential,
            List<Path> cassettes,
            @org.jspecify.annotations.Nullable Integer maxConcurrentStreams,
            List<String> certNames,
            @org.jspecify.annotations.Nullable TlsProvider tlsProvider,
            @org.jspecify.annotations.Nullable Integer eventLoopThreads,
            boolean help) {

        static final String USAGE = """
                usage: java -jar aws-bidi-emulator.jar [--port N] [--host ADDRESS] [--tls] [--config FILE.json] [--cert-out FILE.pem]
                       [--cert-name NAME] [--credentials KEY:SECRET] [--cassettes DIR] [--max-concurrent-streams N]
                       [--tls-provider auto|jdk|openssl] [--event-loop-threads N]
                  --port N         port to listen on; 0 (default) picks a free one
                  --host ADDRESS   address to bind; default 127.0.0.1
                  --tls            serve https (TLS + ALPN h2) with a generated self-signed certificate
                  --config FILE    JSON configuration: endpoints, models, credentials, faults (see docs/emulator.md)
                  --cert-out FILE  with --tls: write the certificate as PEM, for clients to trust
                  --cert-name NAME with --tls: another host name or IP address the certificate names (besides
                                   localhost, 127.0.0.1, ::1), e.g. the host clients reach it by; repeatable
                  --credentials KEY:SECRET  the only access key pair accepted (replaces the configured ones);
                                   default: environment variable AWS_BIDI_EMULATOR_CREDENTIALS
                  --cassettes DIR  serve every recorded exchange (*.jsonl) in DIR as its endpoint or model; repeatable
                  --max-concurrent-streams N  SETTINGS_MAX_CONCURRENT_STREAMS per HTTP/2 connection, at least 1;
                                   default 128 (a typical front-end value)
                  --tls-provider P with --tls: auto (default: OpenSSL through netty-tcnative where it loads, else the
                                   JDK's), jdk or openssl
                  --event-loop-threads N  threads serving every connection and stream; 0 (default) for one per
                                   processor""";

        static CommandLine parse(String[] args) {
            Integer port = null;
            String host = null;
            boolean tls = false;
            Path config = null;
            Path certOut = null;
            AwsCredential credential = null;
            List<Path> cassettes = new ArrayList<>();
            Integer maxConcurrentStreams = null;
            List<String> certNames = new ArrayList<>();
            TlsProvider tlsProvider = null;
            Integer eventLoopThreads = null;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = parsePort(value(args, ++i, "--port"));
                    case "--host" -> host = value(args, ++i, "--host");
                    case "--tls" -> tls = true;
                    case "--config" -> config = Path.of(value(args, ++i, "--config"));
                    case "--cert-out" -> certOut = Path.of(value(args, ++i, "--cert-out"));
                    case "--credentials" -> credential = parseCredential(value(args, ++i, "--credentials"));
                    case "--cassettes" -> cassettes.add(Path.of(value(args, ++i, "--cassettes")));
                    case "--max-concurrent-streams" ->
                        maxConcurrentStreams = parseMaxConcurrentStreams(value(args, ++i, "--max-concurrent-streams"));
                    case "--cert-name" -> certNames.add(value(args, ++i, "--cert-name"));
                    case "--tls-provider" ->
                        tlsProvider = TlsProvider.parse(value(args, ++i, "--tls-provider"), "--tls-provider");
                    case "--event-loop-threads" ->
                        eventLoopThreads = parseEventLoopThreads(value(args, ++i, "--event-loop-threads"));
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (certOut != null && !tls) {
                throw new IllegalArgumentException("--cert-out needs --tls");
            }
            if (!certNames.isEmpty() && !tls) {
                throw new IllegalArgumentException("--cert-name needs --tls");
            }
            if (tlsProvider != null && !tls) {
                throw new IllegalArgumentException("--tls-provider needs --tls");
            }
            return new CommandLine(
                    port,
                    host,
                    tls,
                    config,
                    certOut,
                    credential,
                    cassettes,
                    maxConcurrentStreams,
                    certNames,
                    tlsProvider,
                    eventLoopThreads,
                    help);
        }

        static AwsCredential parseCredential(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("--credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY");
            }
            return new AwsCredential(text.substring(0, colon), text.substring(colon + 1));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int parseMaxConcurrentStreams(String text) {
            try {
                int value = Integer.parseInt(text);
                if (value < 1) {
                    throw new IllegalArgumentException("--max-concurrent-streams must be at least 1, was " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--max-concurrent-streams must be a whole number from 1 to " + Integer.MAX_VALUE + ", was "
                                + text,
                        e);
            }
        }

        private static int parseEventLoopThreads(String text) {
            String limit = "--event-loop-threads must be a whole number from 0 (one per processor) to "
                    + Integer.MAX_VALUE + ", was " + text;
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(limit, e);
            }
            if (value < 0) {
                throw new IllegalArgumentException(limit);
            }
            return value;
        }

        private static int parsePort(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("--port must be 0..65535, was " + text);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number, was " + text, e);
            }
        }
    }
}
