package io.github.awsbidi.health;

import io.github.awsbidi.core.client.ConnectionSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;

/**
 * The control-plane clients health checks use, one per service and connection, on one shared HTTP client. They
 * reach the same region and endpoint, with the same credentials, as the sessions they check.
 */
public final class ControlPlaneClients implements AutoCloseable {

    private final SdkAsyncHttpClient httpClient;
    private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();

    /** Clients that trust the JDK's certificates, or those of {@code trust} when given (e.g. a local emulator's). */
    public ControlPlaneClients(@Nullable TlsTrustManagersProvider trust) {
        NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder();
        if (trust != null) {
            builder.tlsTrustManagersProvider(trust);
        }
        this.httpClient = builder.build();
    }

    /** The SageMaker control-plane client for that connection. */
    public SageMakerAsyncClient sageMaker(ConnectionSettings connection) {
        return (SageMakerAsyncClient) clients.computeIfAbsent(new Key("sagemaker", connection), key -> {
            var builder = SageMakerAsyncClient.builder().httpClient(httpClient);
            apply(connection, builder);
            return builder.build();
        });
    }

    /** The Bedrock control-plane client for that connection. */
    public BedrockAsyncClient bedrock(ConnectionSettings connection) {
        return (BedrockAsyncClient) clients.computeIfAbsent(new Key("bedrock", connection), key -> {
            var builder = BedrockAsyncClient.builder().httpClient(httpClient);
            apply(connection, builder);
            return builder.build();
        });
    }

    private static void apply(ConnectionSettings connection,
            software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> builder) {
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

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        httpClient.close();
    }

    private record Key(String service, ConnectionSettings connection) {
    }
}
