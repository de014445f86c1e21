package io.github.awsbidi.emulator;

import io.github.awsbidi.emulator.auth.AwsCredential;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Cassettes;
import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import io.github.awsbidi.emulator.tls.TlsProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything an emulator serves: where it listens, whom it trusts, and which SageMaker endpoints
 * and Bedrock models exist. Immutable; build one with {@link #builder()} or read one with
 * {@link io.github.awsbidi.emulator.config.EmulatorConfigReader}.
 *
 * <p>Without explicit entries, SageMaker endpoints named {@code echo} and {@code transcribe-sim} are
 * served by the built-in containers of the same name, Bedrock {@code amazon.nova-2-5-sonic} and
 * {@code amazon.nova-2-sonic-v1:0} by the scripted Nova Sonic, {@code amazon.nova-sonic-v1:0} answers ResourceNotFound (end of life) and
 * any model id starting with {@code echo} echoes its chunks.
 *
 * @param host the address to bind, loopback by default
 * @param port the port, {@code 0} for a free one
 * @param tls whether to serve TLS with ALPN ({@code https://}) instead of h2c with prior knowledge
 * @param credentials the access key pairs whose SigV4 signatures are accepted
 * @param sagemakerEndpoints SageMaker endpoints by name
 * @param bedrockModels Bedrock models by id
 * @param maxEventBytes the largest event-stream message accepted from a client
 * @param containerConnectTimeout how long SageMaker waits for a model container's WebSocket handshake
 * @param containerCloseTimeout how long a stream the client closed waits for the container's Close reply
 * @param idleConnectionTimeout how long a connection may carry no request (no active HTTP/2 stream, no
 *     complete HTTP/1.1 request, no finished TLS handshake) before the emulator closes it; 30 s by default
 * @param maxConcurrentStreams the {@code SETTINGS_MAX_CONCURRENT_STREAMS} each HTTP/2 connection advertises, at
 *     least 1; {@value #DEFAULT_MAX_CONCURRENT_STREAMS} by default, a typical front-end value (AWS documents no
 *     number). Applies to connections opened after a change
 * @param cassettes recorded exchanges served as endpoints and models; a cassette wins over a configured or
 *     built-in endpoint or model of the same name
 * @param polly how Polly's {@code StartSpeechSynthesisStream} behaves: its voices, limits and faults
 * @param tlsNames with {@code tls}: host names and IP addresses the certificate names besides {@code localhost},
 *     {@code 127.0.0.1} and {@code ::1}, e.g. the host a container's port is mapped to
 * @param tlsProvider with {@code tls}: which TLS implementation serves it ({@link TlsProvider#AUTO} by default)
 * @param eventLoopThreads how many event-loop threads serve every connection, stream and built-in container;
 *     {@value #DEFAULT_EVENT_LOOP_THREADS} (the default) for one per available processor. Read at start
 */
public record EmulatorConfig(
        String host,
        int port,
        boolean tls,
        List<AwsCredential> credentials,
        Map<String, SageMakerEndpoint> sagemakerEndpoints,
        Map<String, BedrockModel> bedrockModels,
        int maxEventBytes,
        Duration containerConnectTimeout,
        Duration containerCloseTimeout,
        Duration idleConnectionTimeout,
        int maxConcurrentStreams,
        Cassettes cassettes,
        PollyOptions polly,
        List<String> tlsNames,
        TlsProvider tlsProvider,
        int eventLoopThreads) {

    /** The model id of Amazon Nova 2.5 Sonic (generally available since October 2026; no version suffix). */
    public static final String NOVA_2_5_SONIC = "amazon.nova-2-5-sonic";
    /** The model id of Amazon Nova 2 Sonic. */
    public static final String NOVA_2_SONIC = "amazon.nova-2-sonic-v1:0";
    /** The model id of Amazon Nova Sonic v1, which reached end of life on 2026-09-14. */
    public static final String NOVA_SONIC_V1 = "amazon.nova-sonic-v1:0";
    /**
     * The {@code SETTINGS_MAX_CONCURRENT_STREAMS} advertised by default: a typical front-end value (nginx's
     * and Jetty's default; Apache httpd's is 100), not a documented AWS number, so that a client meets a
     * per-connection limit of the kind it meets in production instead of an unlimited one.
     */
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 128;
    /**
     * The default {@code eventLoopThreads}: one thread per available processor. Nothing on the emulator's event
     * loops blocks, so a thread per core keeps them busy; Netty's own default of two per core made the emulator
     * spend a quarter (Bedrock) to a half (SageMaker) more CPU per echoed frame on two cores (context switches
     * between four threads), measured by the benchmark's ceiling rows.
     */
    public static final int DEFAULT_EVENT_LOOP_THREADS = 0;
    /** The default credentials: access key {@code test}, secret {@code test}. */
    public static final AwsCredential DEFAULT_CREDENTIAL = new AwsCredential("test", "test");

    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        credentials = List.copyOf(credentials);
        sagemakerEndpoints = Map.copyOf(sagemakerEndpoints);
        bedrockModels = Map.copyOf(bedrockModels);
        Objects.requireNonNull(containerConnectTimeout, "containerConnectTimeout");
        Objects.requireNonNull(containerCloseTimeout, "containerCloseTimeout");
        Objects.requireNonNull(idleConnectionTimeout, "idleConnectionTimeout");
        Objects.requireNonNull(cassettes, "cassettes");
        Objects.requireNonNull(polly, "polly");
        tlsNames = List.copyOf(tlsNames);
        Objects.requireNonNull(tlsProvider, "tlsProvider");
        if (idleConnectionTimeout.isNegative() || idleConnectionTimeout.isZero()) {
            throw new IllegalArgumentException("idleConnectionTimeout must be positive, was " + idleConnectionTimeout);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one credential pair is required");
        }
        if (maxConcurrentStreams < 1) {
            throw new IllegalArgumentException("maxConcurrentStreams must be at least 1, was " + maxConcurrentStreams);
        }
        if (eventLoopThreads < 0) {
            throw new IllegalArgumentException(
                    "eventLoopThreads must be at least 0 (0: one per processor), was " + eventLoopThreads);
        }
        if (maxEventBytes < 1024) {
            throw new IllegalArgumentException("maxEventBytes must be >= 1024, was " + maxEventBytes);
        }
    }

    /** The defaults: h2c on a free loopback port, credentials test/test, the built-in endpoints and models. */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The endpoint of that name: configured, else a built-in container's default, else empty (not found). */
    public Optional<SageMakerEndpoint> sagemakerEndpoint(String name) {
        SageMakerEndpoint configured = sagemakerEndpoints.get(name);
        if (configured != null) {
            return Optional.of(configured);
        }
        if (name.equals("echo") || name.equals("transcribe-sim")) {
            return Optional.of(SageMakerEndpoint.of(name));
        }
        return Optional.empty();
    }

    /** The model of that id: configured, else a default, else empty (not found). */
    public Optional<BedrockModel> bedrockModel(String modelId) {
        BedrockModel configured = bedrockModels.get(modelId);
        if (configured != null) {
            return Optional.of(configured);
        }
        if (modelId.equals(NOVA_2_5_SONIC) || modelId.equals(NOVA_2_SONIC)) {
            return Optional.of(BedrockModel.scriptedNovaSonic());
        }
        if (modelId.equals(NOVA_SONIC_V1)) {
            return Optional.of(BedrockModel.scriptedNovaSonic().withBehaviour(BedrockModel.ModelBehaviour.END_OF_LIFE));
        }
        if (modelId.startsWith("echo")) {
            return Optional.of(BedrockModel.echo());
        }
        return Optional.empty();
    }

    /** Builds an {@link EmulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private boolean tls;
        private List<AwsCredential> credentials = List.of(DEFAULT_CREDENTIAL);
        private final Map<String, SageMakerEndpoint> sagemakerEndpoints = new LinkedHashMap<>();
        private final Map<String, BedrockModel> bedrockModels = new LinkedHashMap<>();
        private int maxEventBytes = 16 * 1024 * 1024;
        private Duration containerConnectTimeout = Duration.ofSeconds(5);
        private Duration containerCloseTimeout = Duration.ofSeconds(5);
        private Duration idleConnectionTimeout = Duration.ofSeconds(30);
        private int maxConcurrentStreams = DEFAULT_MAX_CONCURRENT_STREAMS;
        private Cassettes cassettes = Cassettes.none();
        private PollyOptions polly = PollyOptions.defaults();
        private List<String> tlsNames = List.of();
        private TlsProvider tlsProvider = TlsProvider.AUTO;
        private int eventLoopThreads = DEFAULT_EVENT_LOOP_THREADS;

        private Builder() {}

        private Builder(EmulatorConfig config) {
            host = config.host;
            port = config.port;
            tls = config.tls;
            credentials = config.credentials;
            sagemakerEndpoints.putAll(config.sagemakerEndpoints);
            bedrockModels.putAll(config.bedrockModels);
            maxEventBytes = config.maxEventBytes;
            containerConnectTimeout = config.containerConnectTimeout;
            containerCloseTimeout = config.containerCloseTimeout;
            idleConnectionTimeout = config.idleConnectionTimeout;
            maxConcurrentStreams = config.maxConcurrentStreams;
            cassettes = config.cassettes;
            polly = config.polly;
            tlsNames = config.tlsNames;
            tlsProvider = config.tlsProvider;
            eventLoopThreads = config.eventLoopThreads;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder tls(boolean value) {
            tls = value;
            return this;
        }

        public Builder credentials(List<AwsCredential> value) {
            credentials = List.copyOf(value);
            return this;
        }

        public Builder sagemakerEndpoint(String name, SageMakerEndpoint endpoint) {
            sagemakerEndpoints.put(name, endpoint);
            return this;
        }

        /** Changes an endpoint, starting from its current (or default built-in) definition. */
        public Builder sagemakerEndpoint(String name, UnaryOperator<SageMakerEndpoint> change) {
            SageMakerEndpoint current = build().sagemakerEndpoint(name)
                    .orElseThrow(() -> new IllegalArgumentException("no SageMaker endpoint '" + name + "' to change"));
            return sagemakerEndpoint(name, change.apply(current));
        }

        public Builder bedrockModel(String modelId, BedrockModel model) {
            bedrockModels.put(modelId, model);
            return this;
        }

        /** Changes a model, starting from its current (or default) definition. */
        public Builder bedrockModel(String modelId, UnaryOperator<BedrockModel> change) {
            BedrockModel current = build().bedrockModel(modelId)
                    .orElseThrow(() -> new IllegalArgumentException("no Bedrock model '" + modelId + "' to change"));
            return bedrockModel(modelId, change.apply(current));
        }

        public Builder maxEventBytes(int value) {
            maxEventBytes = value;
            return this;
        }

        public Builder containerConnectTimeout(Duration value) {
            containerConnectTimeout = value;
            return this;
        }

        public Builder containerCloseTimeout(Duration value) {
            containerCloseTimeout = value;
            return this;
        }

        /** How long a connection may carry no request before it is closed (default 30 s). */
        public Builder idleConnectionTimeout(Duration value) {
            idleConnectionTimeout = value;
            return this;
        }

        /**
         * The {@code SETTINGS_MAX_CONCURRENT_STREAMS} each HTTP/2 connection advertises (at least 1; default
         * {@value EmulatorConfig#DEFAULT_MAX_CONCURRENT_STREAMS}); a client wanting more streams opens more
         * connections.
         */
        public Builder maxConcurrentStreams(int value) {
            maxConcurrentStreams = value;
            return this;
        }

        /** Recorded exchanges to serve (none by default). */
        public Builder cassettes(Cassettes value) {
            cassettes = Objects.requireNonNull(value, "cassettes");
            return this;
        }

        /** Changes the cassette settings, starting from the current ones. */
        public Builder cassettes(UnaryOperator<Cassettes> change) {
            return cassettes(change.apply(cassettes));
        }

        /** How Polly's speech synthesis stream behaves (its defaults: the documented limits, real time). */
        public Builder polly(PollyOptions value) {
            polly = Objects.requireNonNull(value, "polly");
            return this;
        }

        /** Changes Polly's options, starting from the current ones. */
        public Builder polly(UnaryOperator<PollyOptions> change) {
            return polly(change.apply(polly));
        }

        /** Serves every cassette in {@code directory} under its recorded endpoint or model. */
        public Builder cassetteDirectory(Path directory) {
            return cassettes(current -> current.withDirectory(directory));
        }

        /** More names for the TLS certificate, besides {@code localhost}, {@code 127.0.0.1} and {@code ::1}. */
        public Builder tlsNames(List<String> value) {
            tlsNames = List.copyOf(value);
            return this;
        }

        /** Which TLS implementation serves {@code https} (default {@link TlsProvider#AUTO}). */
        public Builder tlsProvider(TlsProvider value) {
            tlsProvider = Objects.requireNonNull(value, "tlsProvider");
            return this;
        }

        /**
         * How many event-loop threads serve the emulator (at least 0; default
         * {@value EmulatorConfig#DEFAULT_EVENT_LOOP_THREADS}: one per available processor). Read when the emulator
         * starts; a later {@code reconfigure} does not change it.
         */
        public Builder eventLoopThreads(int value) {
            eventLoopThreads = value;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    host,
                    port,
                    tls,
                    credentials,
                    sagemakerEndpoints,
                    bedrockModels,
                    maxEventBytes,
                    containerConnectTimeout,
                    containerCloseTimeout,
                    idleConnectionTimeout,
                    maxConcurrentStreams,
                    cassettes,
                    polly,
                    tlsNames,
                    tlsProvider,
                    eventLoopThreads);
        }
    }
}
