package io.github.awsbidi.emulator.it;

import io.github.awsbidi.emulator.BidiEmulator;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.http.nio.netty.Http2Configuration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;

/**
 * Real AWS SDK clients pointed at an emulator, configured the way the README tells users to: HTTP/2
 * on the Netty client, no read/write timeouts, SDK retries off, the emulator's certificate trusted.
 * All of them share one event loop group so that closing a client does not wait for its threads.
 */
final class SdkClients implements AutoCloseable {

    /** Shared by every client of the test run; daemon threads, never closed (the JVM ends with the run). */
    private static final SdkEventLoopGroup EVENT_LOOPS = SdkEventLoopGroup.builder()
            .numberOfThreads(4)
            .threadFactory(new DefaultThreadFactory("sdk-test-client", true))
            .build();

    private final SdkAsyncHttpClient http2;
    private final SdkAsyncHttpClient http1;
    final BedrockRuntimeAsyncClient bedrock;
    final SageMakerRuntimeHttp2AsyncClient sagemaker;
    /** Control-plane clients on the SDK's default protocol, HTTP/1.1. */
    final SageMakerAsyncClient sagemakerControl;

    final BedrockAsyncClient bedrockControl;
    /** Control-plane clients on HTTP/2 (h2c or TLS with ALPN). */
    final SageMakerAsyncClient sagemakerControlHttp2;

    final BedrockAsyncClient bedrockControlHttp2;

    SdkClients(BidiEmulator emulator) {
        this(emulator, emulator.accessKeyId(), emulator.secretAccessKey());
    }

    SdkClients(BidiEmulator emulator, String accessKeyId, String secretAccessKey) {
        this(
                emulator,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)),
                List.of());
    }

    SdkClients(BidiEmulator emulator, AwsCredentialsProvider credentials, List<ExecutionInterceptor> interceptors) {
        this(emulator, credentials, interceptors, UnaryOperator.identity());
    }

    /** Clients whose HTTP/2 requests are changed by {@code rewrite} after signing. */
    SdkClients(
            BidiEmulator emulator,
            AwsCredentialsProvider credentials,
            List<ExecutionInterceptor> interceptors,
            UnaryOperator<SdkHttpRequest> rewrite) {
        this(emulator, credentials, interceptors, rewrite, UnaryOperator.identity());
    }

    /** Clients whose HTTP/2 requests and request bodies are changed after signing. */
    SdkClients(
            BidiEmulator emulator,
            AwsCredentialsProvider credentials,
            List<ExecutionInterceptor> interceptors,
            UnaryOperator<SdkHttpRequest> rewrite,
            UnaryOperator<SdkHttpContentPublisher> rewriteBody) {
        this.http2 = new RewritingHttpClient(
                NettyNioAsyncHttpClient.builder()
                        .eventLoopGroup(EVENT_LOOPS)
                        .protocol(Protocol.HTTP2)
                        .maxConcurrency(500)
                        .readTimeout(Duration.ZERO)
                        .writeTimeout(Duration.ZERO)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(30))
                        .http2Configuration(
                                Http2Configuration.builder().maxStreams(1000L).build())
                        .tlsTrustManagersProvider(emulator::trustManagers)
                        .build(),
                rewrite,
                rewriteBody);
        this.http1 = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(EVENT_LOOPS)
                .tlsTrustManagersProvider(emulator::trustManagers)
                .build();
        // The SDK's retry resubscribes the request publisher, which a bidirectional stream cannot allow.
        var overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .executionInterceptors(interceptors)
                .build();
        Region region = Region.of(emulator.region());
        this.bedrock = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http2)
                .overrideConfiguration(overrides)
                .build();
        this.sagemaker = SageMakerRuntimeHttp2AsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http2)
                .overrideConfiguration(overrides)
                .build();
        this.sagemakerControl = SageMakerAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http1)
                .overrideConfiguration(overrides)
                .build();
        this.bedrockControl = BedrockAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http1)
                .overrideConfiguration(overrides)
                .build();
        this.sagemakerControlHttp2 = SageMakerAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http2)
                .overrideConfiguration(overrides)
                .build();
        this.bedrockControlHttp2 = BedrockAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http2)
                .overrideConfiguration(overrides)
                .build();
    }

    @Override
    public void close() {
        bedrock.close();
        sagemaker.close();
        sagemakerControl.close();
        bedrockControl.close();
        sagemakerControlHttp2.close();
        bedrockControlHttp2.close();
        http2.close();
        http1.close();
    }
}
