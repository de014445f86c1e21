package io.github.awsbidi.benchmarks;

import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.PollySessionSettings;
import io.netty.handler.ssl.SslProvider;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;

/**
 * Who carries the streams: the raw SDK client or a session over it. Both sides get an SDK client built the same
 * way (by {@link BidiClientFactory}: HTTP/2, no SDK retries, the same Netty settings and streams per connection),
 * each its own, so the ratio measures the session layer and nothing else; {@link #connectAtOwnDefaults} instead
 * builds each side as a team would without tuning it.
 */
enum Side {
    RAW("raw SDK"),
    SESSION("session");

    private static final Region REGION = Region.US_EAST_1;

    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final String label;

    Side(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * A new client of {@code operation} to {@code emulator} allowing {@code maxStreams} streams at once, its
     * connections shaped by {@code shape}.
     */
    Client connect(Operation operation, EmulatorProcess emulator, int maxStreams, ClientShape shape) {
        BidiClientFactory factory = factory(emulator, maxStreams, shape);
        ConnectionSettings connection = connection(emulator);
        EchoClient client = switch (operation) {
            case SAGEMAKER ->
                this == RAW
                        ? new RawSageMakerClient(factory.sageMaker(connection), operation.target())
                        : new SessionClient(SageMakerSession.create(
                                "bench",
                                factory.sageMaker(connection),
                                SageMakerSessionSettings.of(operation.target())));
            case BEDROCK ->
                this == RAW
                        ? new RawBedrockClient(factory.bedrock(connection), operation.target())
                        : new SessionClient(BedrockSession.create(
                                "bench", factory.bedrock(connection), BedrockSessionSettings.of(operation.target())));
        };
        return new Client(client, factory::close);
    }

    /**
     * A new client of {@code operation} to {@code emulator} at this side's own defaults: the raw side an SDK client
     * built as the SDK's documentation shows, with the SDK's HTTP client defaults; the session side over a
     * {@link BidiClientFactory} with the starter's {@link HttpClientSettings#defaults() defaults}. Each is given only
     * what reaching the emulator needs: its endpoint, a region, credentials and trust in its certificate.
     */
    Client connectAtOwnDefaults(Operation operation, EmulatorProcess emulator) {
        TrustManager[] trust = emulator.trustManagers();
        if (this == RAW) {
            NettyNioAsyncHttpClient.Builder http =
                    NettyNioAsyncHttpClient.builder().tlsTrustManagersProvider(() -> trust);
            return switch (operation) {
                case SAGEMAKER -> {
                    SageMakerRuntimeHttp2AsyncClient sdk = SageMakerRuntimeHttp2AsyncClient.builder()
                            .httpClientBuilder(http)
                            .region(REGION)
                            .endpointOverride(emulator.endpoint())
                            .credentialsProvider(CREDENTIALS)
                            .build();
                    yield new Client(new RawSageMakerClient(sdk, operation.target()), sdk::close);
                }
                case BEDROCK -> {
                    BedrockRuntimeAsyncClient sdk = BedrockRuntimeAsyncClient.builder()
                            .httpClientBuilder(http)
                            .region(REGION)
                            .endpointOverride(emulator.endpoint())
                            .credentialsProvider(CREDENTIALS)
                            .build();
                    yield new Client(new RawBedrockClient(sdk, operation.target()), sdk::close);
                }
            };
        }
        BidiClientFactory factory = BidiClientFactory.builder()
                .httpSettings(HttpClientSettings.defaults().withTlsTrustManagers(() -> trust))
                .build();
        ConnectionSettings connection = connection(emulator);
        EchoClient client = switch (operation) {
            case SAGEMAKER ->
                new SessionClient(SageMakerSession.create(
                        "bench", factory.sageMaker(connection), SageMakerSessionSettings.of(operation.target())));
            case BEDROCK ->
                new SessionClient(BedrockSession.create(
                        "bench", factory.bedrock(connection), BedrockSessionSettings.of(operation.target())));
        };
        return new Client(client, factory::close);
    }

    /**
     * A new Polly client to {@code emulator} speaking with {@code voiceId}, 16 kHz PCM: the raw
     * {@code PollyAsyncClient} or a {@link PollySession} over the same kind of SDK client.
     */
    Client connectPolly(EmulatorProcess emulator, String voiceId, int maxStreams, ClientShape shape) {
        BidiClientFactory factory = factory(emulator, maxStreams, shape);
        PollyAsyncClient sdk = PollySession.client(factory, connection(emulator), List.of());
        PollySessionSettings settings = PollySessionSettings.of(voiceId);
        EchoClient client = this == RAW
                ? new RawPollyClient(sdk, voiceId, settings.effectiveSampleRate())
                : new PollySessionClient(PollySession.create("bench", sdk, settings));
        return new Client(client, factory::close);
    }

    private static BidiClientFactory factory(EmulatorProcess emulator, int maxStreams, ClientShape shape) {
        TrustManager[] trust = emulator.trustManagers();
        SslProvider tls = shape.tlsProvider().equals("openssl") ? SslProvider.OPENSSL : SslProvider.JDK;
        return BidiClientFactory.builder()
                .httpSettings(HttpClientSettings.defaults()
                        .withMaxConcurrency(Math.max(HttpClientSettings.DEFAULT_MAX_CONCURRENCY, maxStreams * 2))
                        .withMaxStreamsPerConnection(shape.streamsPerConnection())
                        .withEventLoopThreads(shape.eventLoopThreads())
                        .withConnectTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(120))
                        .withTlsTrustManagers(() -> trust))
                // Thousands of TLS handshakes at once on two busy cores take longer than the SDK's 5 s default.
                .httpClientCustomizer(http ->
                        http.tlsNegotiationTimeout(Duration.ofSeconds(60)).sslProvider(tls))
                .build();
    }

    private static ConnectionSettings connection(EmulatorProcess emulator) {
        return ConnectionSettings.defaults()
                .withRegion(REGION)
                .withEndpointOverride(emulator.endpoint())
                .withCredentialsProvider(CREDENTIALS);
    }

    /** An echo client and what closes the SDK client it uses (and its HTTP client). */
    record Client(EchoClient echo, Runnable closer) implements AutoCloseable {

        @Override
        public void close() {
            closer.run();
        }
    }
}
