package io.github.awsbidi.emulator;

import io.github.awsbidi.emulator.auth.CredentialStore;
import io.github.awsbidi.emulator.auth.SigV4Verifier;
import io.github.awsbidi.emulator.bedrock.BedrockResolver;
import io.github.awsbidi.emulator.cassette.CassetteLibrary;
import io.github.awsbidi.emulator.controlplane.ControlPlaneHandler;
import io.github.awsbidi.emulator.polly.PollyResolver;
import io.github.awsbidi.emulator.sagemaker.ContainerDirectory;
import io.github.awsbidi.emulator.sagemaker.SageMakerResolver;
import io.github.awsbidi.emulator.server.EmulatorServer;
import io.github.awsbidi.emulator.server.ServerSetup;
import io.github.awsbidi.emulator.stream.OpenAttempts;
import io.github.awsbidi.emulator.stream.StreamEnvironment;
import io.github.awsbidi.emulator.tls.EmulatorCertificate;
import io.github.awsbidi.emulator.tls.TlsProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.NettyRuntime;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * A running emulator: one port that serves both bidirectional operations, their control-plane calls,
 * and the built-in model containers behind SageMaker endpoints.
 *
 * <pre>{@code
 * try (BidiEmulator emulator = BidiEmulator.start()) {
 *     BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
 *             .endpointOverride(emulator.endpoint())
 *             .region(Region.of(emulator.region()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
 *             .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2))
 *             .build();
 *     …
 * }
 * }</pre>
 */
public final class BidiEmulator implements AutoCloseable {

    // Read by every new stream, replaced whole by reconfigure (which is synchronized so changes do not interleave).
    private volatile EmulatorConfig config;
    private final EventLoopGroup group;
    private final ContainerDirectory containers;
    private final EmulatorServer server;
    private final EmulatorStats stats;
    private final OpenAttempts openAttempts;
    private final CassetteLibrary cassettes;
    private final @Nullable EmulatorCertificate certificate;

    private BidiEmulator(EmulatorConfig initial) {
        this.config = initial;
        // A bad cassette fails the start, naming its file and line, rather than the first stream it would serve.
        new CassetteLibrary(initial::cassettes).load();
        this.group = new MultiThreadIoEventLoopGroup(
                eventLoopThreads(initial),
                new DefaultThreadFactory("aws-bidi-emulator", true),
                NioIoHandler.newFactory());
        this.containers = new ContainerDirectory(group);
        this.stats = new EmulatorStats();
        this.openAttempts = new OpenAttempts();
        this.certificate = initial.tls() ? EmulatorCertificate.generate(initial.tlsNames()) : null;
        SigV4Verifier verifier = new SigV4Verifier(CredentialStore.of(initial.credentials()), Clock.systemUTC());
        this.cassettes = new CassetteLibrary(() -> config.cassettes());
        StreamEnvironment streams = new StreamEnvironment(
                verifier,
                List.of(
                        new SageMakerResolver(this::config, containers, cassettes),
                        new BedrockResolver(this::config, cassettes),
                        new PollyResolver(this::config, cassettes)),
                initial.maxEventBytes(),
                stats.observer(),
                openAttempts);
        try {
            this.server = EmulatorServer.start(
                    new ServerSetup(
                            initial.host(),
                            initial.port(),
                            sslContext(certificate, config.tlsProvider()),
                            streams,
                            () -> new ControlPlaneHandler(this::config, verifier),
                            initial.idleConnectionTimeout(),
                            stats::connectionAccepted,
                            () -> config.maxConcurrentStreams()),
                    group);
        } catch (RuntimeException e) {
            containers.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Starts an emulator with the default configuration: h2c on a free loopback port. */
    public static BidiEmulator start() {
        return start(EmulatorConfig.defaults());
    }

    /** Starts an emulator with that configuration. */
    public static BidiEmulator start(EmulatorConfig config) {
        return new BidiEmulator(config);
    }

    /** The endpoint to give SDK clients: {@code http://127.0.0.1:<port>} or {@code https://127.0.0.1:<port>}. */
    public URI endpoint() {
        EmulatorConfig current = config;
        String host = current.host().contains(":") ? "[" + current.host() + "]" : current.host();
        return URI.create((current.tls() ? "https://" : "http://") + host + ":" + port());
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Whether this emulator serves TLS. */
    public boolean tls() {
        return certificate != null;
    }

    /** A region for clients to sign with; the emulator accepts any. */
    public String region() {
        return "us-east-1";
    }

    /** The first configured access key id ({@code test} by default). */
    public String accessKeyId() {
        return config.credentials().get(0).accessKeyId();
    }

    /** The first configured secret access key ({@code test} by default). */
    public String secretAccessKey() {
        return config.credentials().get(0).secretAccessKey();
    }

    /**
     * Trust managers that trust this emulator's self-signed certificate, e.g. for
     * {@code NettyNioAsyncHttpClient.builder().tlsTrustManagersProvider(emulator::trustManagers)}.
     * Empty for a plaintext emulator.
     */
    public TrustManager[] trustManagers() {
        return certificate == null ? new TrustManager[0] : certificate.trustManagers();
    }

    /** The TLS certificate and trust material; throws when the emulator serves plaintext. */
    public EmulatorCertificate certificate() {
        if (certificate == null) {
            throw new IllegalStateException("this emulator serves plaintext h2c; start it with tls(true)");
        }
        return certificate;
    }

    /** The configuration in force. */
    public EmulatorConfig config() {
        return config;
    }

    /**
     * Changes the configuration of endpoints, models and faults while running (listening address, TLS
     * and credentials stay as started). Streams already open keep what they started with.
     */
    public synchronized void reconfigure(UnaryOperator<EmulatorConfig.Builder> change) {
        EmulatorConfig current = config;
        EmulatorConfig changed = change.apply(current.toBuilder()).build();
        if (!changed.cassettes().equals(current.cassettes())) {
            new CassetteLibrary(changed::cassettes).load(); // fails here, leaving the running configuration
        }
        config = changed;
        openAttempts.reset();
    }

    /** Live stream counters. */
    public EmulatorStats stats() {
        return stats;
    }

    /** Stops the server, the built-in containers and every open connection. */
    @Override
    public void close() {
        try {
            server.close();
            containers.close();
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** How many event-loop threads serve this emulator (its configuration's, 0 resolved to one per processor). */
    int eventLoopThreads() {
        return ((MultiThreadIoEventLoopGroup) group).executorCount();
    }

    /**
     * The configured count, 0 meaning one per processor (Netty's count of them, which the system property
     * {@code io.netty.availableProcessors} can set).
     */
    static int eventLoopThreads(EmulatorConfig config) {
        return config.eventLoopThreads() == 0 ? NettyRuntime.availableProcessors() : config.eventLoopThreads();
    }

    private static @Nullable SslContext sslContext(@Nullable EmulatorCertificate certificate, TlsProvider provider) {
        if (certificate == null) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(certificate.keyManagerFactory())
                    .sslProvider(provider.resolve())
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2,
                            ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot build the emulator's TLS context", e);
        }
    }
}
