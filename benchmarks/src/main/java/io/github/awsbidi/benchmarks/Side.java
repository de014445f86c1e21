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
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.polly.PollyAsyncClient;

/**
 * Who carries the streams: the raw SDK client or a session over it. Both sides get an SDK client built the same
 * way (by {@link BidiClientFactory}: HTTP/2, no SDK retries, the same Netty settings and streams per connection),
 * each its own, so the ratio measures the session layer and nothing else.
 */
enum Side {
    RAW("raw SDK"),
    SESSION("session");

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
        return new Client(client, factory);
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
        return new Client(client, factory);
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
                .withRegion(Region.US_EAST_1)
                .withEndpointOverride(emulator.endpoint())
                .withCredentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** An echo client and the factory whose SDK client it uses; closing closes the SDK client. */
    record Client(EchoClient echo, BidiClientFactory factory) implements AutoCloseable {

        @Override
        public void close() {
            factory.close();
        }
    }
}
