package io.github.awsbidi.emulator.it;

import io.github.awsbidi.emulator.BidiEmulator;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.Http2Configuration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;

/** Real AWS SDK clients pointed at an emulator, configured the way the README tells users to. */
final class SdkClients implements AutoCloseable {

    private final BidiEmulator emulator;
    private final SdkAsyncHttpClient http2;
    private final SdkAsyncHttpClient http1;
    final BedrockRuntimeAsyncClient bedrock;
    final SageMakerRuntimeHttp2AsyncClient sagemaker;
    final SageMakerAsyncClient sagemakerControl;
    final BedrockAsyncClient bedrockControl;

    SdkClients(BidiEmulator emulator) {
        this(emulator, emulator.accessKeyId(), emulator.secretAccessKey());
    }

    SdkClients(BidiEmulator emulator, String accessKeyId, String secretAccessKey) {
        this.emulator = emulator;
        this.http2 = NettyNioAsyncHttpClient.builder()
                .protocol(Protocol.HTTP2)
                .maxConcurrency(500)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .connectionAcquisitionTimeout(Duration.ofSeconds(30))
                .http2Configuration(Http2Configuration.builder().maxStreams(1000L).build())
                .tlsTrustManagersProvider(emulator::trustManagers)
                .build();
        this.http1 = NettyNioAsyncHttpClient.builder()
                .tlsTrustManagersProvider(emulator::trustManagers)
                .build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        // The SDK's retry resubscribes the request publisher, which a bidirectional stream cannot allow.
        var noRetries = ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
        this.bedrock = BedrockRuntimeAsyncClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region())).credentialsProvider(credentials)
                .httpClient(http2).overrideConfiguration(noRetries).build();
        this.sagemaker = SageMakerRuntimeHttp2AsyncClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region())).credentialsProvider(credentials)
                .httpClient(http2).overrideConfiguration(noRetries).build();
        this.sagemakerControl = SageMakerAsyncClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region())).credentialsProvider(credentials)
                .httpClient(http1).overrideConfiguration(noRetries).build();
        this.bedrockControl = BedrockAsyncClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region())).credentialsProvider(credentials)
                .httpClient(http1).overrideConfiguration(noRetries).build();
    }

    @Override
    public void close() {
        bedrock.close();
        sagemaker.close();
        sagemakerControl.close();
        bedrockControl.close();
        http2.close();
        http1.close();
    }
}
