package io.github.awsbidi.core.client;

import io.github.awsbidi.core.Target;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.nio.netty.Http2Configuration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds and shares the AWS SDK async clients that sessions use: one client per (service, region, endpoint,
 * credentials provider), so many sessions to the same place share connections instead of starting a TLS handshake
 * storm. Every client runs on a Netty HTTP client tuned by {@link HttpClientSettings}, with HTTP/2 pinned and the SDK's
 * retries off: its retry resubscribes the request publisher, which a bidirectional stream forbids ("Only one
 * subscription may be active at a time"); sessions retry opening themselves (see
 * {@link io.github.awsbidi.core.retry.RetryPolicy}).
 * <p>
 * Customizers run after the settings are applied, so they can change anything, except that HTTP/2 and the
 * no-retry strategy are re-applied after them, since the operations cannot work without. Closing the factory closes
 * every client it built, and the event-loop group it made when {@link HttpClientSettings#eventLoopThreads()} is set
 * (one group for all its clients, so the setting bounds the threads of the whole factory).
 */
public final class BidiClientFactory implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BidiClientFactory.class.getName());

    private final HttpClientSettings httpSettings;
    private final List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers;
    private final List<Consumer<SageMakerRuntimeHttp2AsyncClientBuilder>> sageMakerCustomizers;
    private final List<Consumer<BedrockRuntimeAsyncClientBuilder>> bedrockCustomizers;
    private final Map<Key, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private final @Nullable SdkEventLoopGroup eventLoopGroup;
    private volatile boolean closed;

    private BidiClientFactory(Builder builder) {
        this.httpSettings = builder.httpSettings;
        this.httpCustomizers = List.copyOf(builder.httpCustomizers);
        this.sageMakerCustomizers = List.copyOf(builder.sageMakerCustomizers);
        this.bedrockCustomizers = List.copyOf(builder.bedrockCustomizers);
        Integer threads = httpSettings.eventLoopThreads();
        this.eventLoopGroup = threads == null
                ? null
                : SdkEventLoopGroup.builder().numberOfThreads(threads).build();
    }

    /** A factory with default {@link HttpClientSettings} and no customizers. */
    public static BidiClientFactory create() {
        return builder().build();
    }

    /** A builder of a factory. */
    public static Builder builder() {
        return new Builder();
    }

    /** The shared SageMaker Runtime HTTP/2 client for {@code connection}, built on first use. */
    public SageMakerRuntimeHttp2AsyncClient sageMaker(ConnectionSettings connection) {
        return (SageMakerRuntimeHttp2AsyncClient)
                clients.computeIfAbsent(key(Target.Service.SAGEMAKER, connection), key -> buildSageMaker(connection));
    }

    /** The shared Bedrock Runtime client for {@code connection}, built on first use. */
    public BedrockRuntimeAsyncClient bedrock(ConnectionSettings connection) {
        return (BedrockRuntimeAsyncClient)
                clients.computeIfAbsent(key(Target.Service.BEDROCK, connection), key -> buildBedrock(connection));
    }

    /**
     * The shared client of another service's module (Polly's lives in {@code aws-bidi-polly}, so that core needs no
     * SDK it lacks), built on first use: {@code build} gets the Netty client builder tuned like every other client's
     * and the connection, and should pass both on ({@link ConnectionSettings#applyTo}) and turn the SDK's retries off
     * ({@link #withoutRetries(ClientOverrideConfiguration)}). One client per service and connection, closed with the
     * factory.
     */
    public <C extends SdkAutoCloseable> C client(
            Target.Service service,
            ConnectionSettings connection,
            Class<C> type,
            BiFunction<NettyNioAsyncHttpClient.Builder, ConnectionSettings, C> build) {
        return type.cast(clients.computeIfAbsent(
                key(service, connection), key -> build.apply(httpClient(service, connection), connection)));
    }

    /** How many distinct clients this factory has built and not closed. */
    public int clientCount() {
        return clients.size();
    }

    /** The settings of every client's HTTP client. */
    public HttpClientSettings httpSettings() {
        return httpSettings;
    }

    private Key key(Target.Service service, ConnectionSettings connection) {
        if (closed) {
            throw new IllegalStateException("BidiClientFactory is closed");
        }
        return new Key(service, Objects.requireNonNull(connection, "connection"));
    }

    private SageMakerRuntimeHttp2AsyncClient buildSageMaker(ConnectionSettings connection) {
        SageMakerRuntimeHttp2AsyncClientBuilder builder = SageMakerRuntimeHttp2AsyncClient.builder()
                .httpClientBuilder(httpClient(Target.Service.SAGEMAKER, connection));
        apply(builder, connection);
        sageMakerCustomizers.forEach(customizer -> customizer.accept(builder));
        builder.overrideConfiguration(withoutRetries(builder.overrideConfiguration()));
        return builder.build();
    }

    private BedrockRuntimeAsyncClient buildBedrock(ConnectionSettings connection) {
        BedrockRuntimeAsyncClientBuilder builder =
                BedrockRuntimeAsyncClient.builder().httpClientBuilder(httpClient(Target.Service.BEDROCK, connection));
        apply(builder, connection);
        bedrockCustomizers.forEach(customizer -> customizer.accept(builder));
        builder.overrideConfiguration(withoutRetries(builder.overrideConfiguration()));
        return builder.build();
    }

    private static void apply(AwsClientBuilder<?, ?> builder, ConnectionSettings connection) {
        if (connection.region() != null) {
            builder.region(connection.region());
        }
        if (connection.endpointOverride() != null) {
            builder.endpointOverride(connection.endpointOverride());
        }
        if (connection.credentialsProvider() != null) {
            builder.credentialsProvider(connection.credentialsProvider());
        }
    }

    /** {@code configuration} with the SDK's retries off, which every bidirectional call needs. */
    public static ClientOverrideConfiguration withoutRetries(@Nullable ClientOverrideConfiguration configuration) {
        ClientOverrideConfiguration.Builder builder =
                configuration != null ? configuration.toBuilder() : ClientOverrideConfiguration.builder();
        return builder.retryStrategy(AwsRetryStrategy.doNotRetry()).build();
    }

    /** The Netty client builder for one service; the SDK client owns (and closes) what it builds from it. */
    NettyNioAsyncHttpClient.Builder httpClient(Target.Service service, ConnectionSettings connection) {
        Http2Configuration.Builder http2 = Http2Configuration.builder()
                .healthCheckPingPeriod(httpSettings.healthCheckPingPeriod())
                .maxStreams(streamsPerConnection(service, httpSettings));
        if (httpSettings.initialWindowSize() != null) {
            http2.initialWindowSize(httpSettings.initialWindowSize());
        }
        NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(httpSettings.maxConcurrency())
                .connectionTimeout(httpSettings.connectTimeout())
                .connectionAcquisitionTimeout(httpSettings.acquireTimeout())
                .readTimeout(httpSettings.readTimeout())
                .writeTimeout(httpSettings.writeTimeout())
                .http2Configuration(http2.build());
        // Wrapped (the JDK's when none is configured) so that a rejected certificate reaches the exchange as a
        // typed error naming the host and why, not only as a log line of the Netty client.
        builder.tlsTrustManagersProvider(DiagnosingTrustManager.wrap(httpSettings.tlsTrustManagers()));
        if (eventLoopGroup != null) {
            builder.eventLoopGroup(eventLoopGroup);
        }
        httpCustomizers.forEach(customizer -> customizer.accept(builder));
        // Re-pinned after the customizers: without HTTP/2 both operations fail. Over TLS the protocol is negotiated
        // with ALPN as AWS expects; plaintext (a local emulator) has no ALPN and speaks HTTP/2 with prior knowledge.
        return builder.protocol(Protocol.HTTP2)
                .protocolNegotiation(
                        plaintext(connection) ? ProtocolNegotiation.ASSUME_PROTOCOL : ProtocolNegotiation.ALPN);
    }

    /** The streams one HTTP/2 connection carries: the setting, else the service's default. */
    static long streamsPerConnection(Target.Service service, HttpClientSettings settings) {
        Long configured = settings.maxStreamsPerConnection();
        if (configured != null) {
            return configured;
        }
        return service == Target.Service.SAGEMAKER ? 1L : HttpClientSettings.BEDROCK_STREAMS_PER_CONNECTION;
    }

    private static boolean plaintext(ConnectionSettings connection) {
        return connection.endpointOverride() != null
                && "http".equalsIgnoreCase(connection.endpointOverride().getScheme());
    }

    /** Closes every client this factory built; it builds no more. */
    @Override
    public void close() {
        closed = true;
        List<SdkAutoCloseable> toClose = new ArrayList<>(clients.values());
        clients.clear();
        for (SdkAutoCloseable client : toClose) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing an AWS SDK client failed; ignored", e);
            }
        }
        if (eventLoopGroup != null) {
            // After the clients, whose connections run on it; the SDK does not close a group it was given.
            eventLoopGroup.eventLoopGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    private record Key(Target.Service service, ConnectionSettings connection) {}

    /** Builds a {@link BidiClientFactory}. */
    public static final class Builder {

        private HttpClientSettings httpSettings = HttpClientSettings.defaults();
        private final List<Consumer<NettyNioAsyncHttpClient.Builder>> httpCustomizers = new ArrayList<>();
        private final List<Consumer<SageMakerRuntimeHttp2AsyncClientBuilder>> sageMakerCustomizers = new ArrayList<>();
        private final List<Consumer<BedrockRuntimeAsyncClientBuilder>> bedrockCustomizers = new ArrayList<>();

        private Builder() {}

        /** The HTTP client settings (defaults: {@link HttpClientSettings#defaults()}). */
        public Builder httpSettings(HttpClientSettings httpSettings) {
            this.httpSettings = Objects.requireNonNull(httpSettings, "httpSettings");
            return this;
        }

        /** Adds a customizer of every Netty HTTP client builder, run in the order added. */
        public Builder httpClientCustomizer(Consumer<NettyNioAsyncHttpClient.Builder> customizer) {
            httpCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** Adds a customizer of every SageMaker client builder, run in the order added. */
        public Builder sageMakerCustomizer(Consumer<SageMakerRuntimeHttp2AsyncClientBuilder> customizer) {
            sageMakerCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** Adds a customizer of every Bedrock client builder, run in the order added. */
        public Builder bedrockCustomizer(Consumer<BedrockRuntimeAsyncClientBuilder> customizer) {
            bedrockCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** The factory. */
        public BidiClientFactory build() {
            return new BidiClientFactory(this);
        }
    }
}
