package io.github.awsbidi.docs.examples.testing;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.junit.BidiEmulatorTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

// The emulator, "In tests": the JUnit extension and a raw SDK client pointed at it. Compiled, not run (the module's
// surefire configuration leaves the examples out).
// spotless:off
@BidiEmulatorTest(tls = true)
class MyStreamingTest {

    @Test
    void talksToNovaSonic(BidiEmulator emulator) {
        BedrockRuntimeAsyncClient bedrock = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .protocol(Protocol.HTTP2)
                        .tlsTrustManagersProvider(emulator::trustManagers)
                        .readTimeout(Duration.ZERO)
                        .writeTimeout(Duration.ZERO))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        // bedrock.invokeModelWithBidirectionalStream(…)
    }
}
// spotless:on
